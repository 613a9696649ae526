/**
 * Reminders before the start (contract section 13; default 24 hours before, `REMINDER_HOURS`, or the owner's
 * stored setting, read at every scan). Every minute the
 * scan finds CONFIRMED bookings starting within the window with no reminder row for their start, and for each,
 * in one transaction, writes the row and the reminder's outbox event. The row's key (booking, start) makes the
 * decision once across restarts and instances; the email goes out through the outbox like any other.
 * A booking made inside the window (it starts in less time than the reminder's lead) gets no reminder: its
 * confirmation is recent. A rescheduled booking has a new start, so it is reminded of the new time.
 */
import type { Storage } from '../../storage/types.js';
import { reminderEvent } from './reminder-event.js';

export const DEFAULT_REMINDER_HOURS = 24;
const SCAN_EVERY_MS = 60_000;
const BATCH = 200;

export interface ReminderOptions {
  /** Hours before the start, read at every scan (the owner may change it); 0 turns reminders off. */
  hoursBefore: () => Promise<number>;
  /** "Now" for the window (the server's clock, the one booking times are judged by). */
  clock: () => Date;
  /** Called after a scan appended events, so the outbox delivers at once. */
  onScheduled?: () => void;
  intervalMs?: number;
}

/** RFC 3339 UTC with milliseconds: the form booking starts are stored in, so text order is time order on SQLite. */
const utc = (ms: number) => new Date(ms).toISOString();

export class ReminderScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly storage: Storage,
    private readonly options: ReminderOptions,
  ) {}

  /** Scans run even while reminders are off: the owner may turn them on without a restart. */
  start(): void {
    if (this.timer) return;
    const tick = () => void this.runOnce().catch(() => undefined);
    this.timer = setInterval(tick, this.options.intervalMs ?? SCAN_EVERY_MS);
    this.timer.unref();
    tick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** One scan; resolves with the reminders it scheduled. Scans never overlap. */
  runOnce(): Promise<number> {
    this.running ??= this.scan().finally(() => (this.running = undefined));
    return this.running;
  }

  private async scan(): Promise<number> {
    const leadMs = (await this.options.hoursBefore()) * 3_600_000;
    if (leadMs <= 0) return 0;
    const now = this.options.clock();
    let scheduled = 0;
    for (const due of await this.storage.reminders.due(utc(now.getTime()), utc(now.getTime() + leadMs), BATCH)) {
      const sent = await this.storage.transaction(async () => {
        if (!(await this.storage.reminders.mark(due.bookingId, due.startDate, now.toISOString()))) return false;
        if (Date.parse(due.createdDate) > Date.parse(due.startDate) - leadMs) return false;
        const booking = (await this.storage.bookings.get(due.bookingId))?.booking;
        if (booking?.status !== 'CONFIRMED') return false;
        await this.storage.outbox.append([reminderEvent(booking, now)]);
        return true;
      });
      if (sent) scheduled += 1;
    }
    if (scheduled > 0) this.options.onScheduled?.();
    return scheduled;
  }
}
