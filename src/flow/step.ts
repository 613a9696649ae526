/**
 * Which step a flow snapshot shows. Its own module, free of XState, so the widget's first script can tell the
 * step of a flow that is still loading (src/widget/booking-widget/pending-flow.ts) without the machine.
 */
import type { FlowContext, Step } from './types.js';

/** The visible step for a snapshot value (loading and transient states show the step they belong to). */
export function stepOf(value: unknown, ctx: Pick<FlowContext, 'presetServiceId'>): Step {
  const top = typeof value === 'string' ? value : typeof value === 'object' && value ? Object.keys(value)[0] : undefined;
  switch (top) {
    case 'variant':
    case 'slot':
    case 'details':
    case 'review':
    case 'checkout':
    case 'status':
    case 'service':
      return top;
    case 'placing':
      return 'review';
    case 'resetPassword':
      return 'reset-password';
    case 'manage':
      return 'manage';
    case 'myBookings':
      return 'my-bookings';
    case 'reschedule':
      return 'reschedule';
    default:
      return ctx.presetServiceId ? 'variant' : 'service';
  }
}
