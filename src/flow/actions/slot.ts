/** The slot step: the month and zone times are listed in, and the day, staff member and time picked. */
import type { TimeSlot } from '../../model/availability.js';
import { addMonths, openDays, slotDay } from '../calendar.js';
import type { FlowContext, SlotsResult } from '../types.js';

type Args = { context: FlowContext };
type Change = Partial<FlowContext>;

/** The customer moved the calendar: stop skipping empty months by ourselves. */
export const showMonth = (_: unknown, month: string): Change => ({ month, autoAdvance: 0 });

export const skipToNextMonth = ({ context }: Args): Change => ({
  month: addMonths(context.month, 1),
  autoAdvance: context.autoAdvance - 1,
});

export const setTimeZone = (_: unknown, timeZone: string): Change => ({ timeZone, slot: undefined, day: undefined });

/** The customer's own zone changed (the attribute); follow it unless they switched to the business's. */
export const setCustomerTimeZone = ({ context }: Args, timeZone: string): Change => ({
  customerTimeZone: timeZone,
  timeZone: context.timeZone === context.customerTimeZone ? timeZone : context.timeZone,
});

/** The month's times arrived: keep the chosen day and time when they are still open. */
export function showSlots({ context }: Args, { slots, course }: SlotsResult): Change {
  const days = openDays(slots, context.staffId);
  const stillThere = context.slot && slots.some((s) => s.localStartDate === context.slot?.localStartDate && s.bookable);
  return {
    slots,
    course,
    day: context.day && days.has(context.day) ? context.day : [...days].sort()[0],
    slot: stillThere ? context.slot : undefined,
    autoAdvance: 0,
  };
}

export const selectDay = (_: unknown, day: string): Change => ({ day, slot: undefined });

export function selectStaff({ context }: Args, staffId: string | undefined): Change {
  const days = openDays(context.slots, staffId);
  return { staffId, slot: undefined, day: context.day && days.has(context.day) ? context.day : [...days].sort()[0] };
}

export const selectSlot = (_: unknown, slot: TimeSlot): Change => ({
  slot,
  day: slotDay(slot),
  raceLost: false,
  error: undefined,
});
