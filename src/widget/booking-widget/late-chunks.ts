/**
 * The chunks of what the booking path never needs, each loaded the first time it is used. Part of the flow chunk,
 * which every one of them needs first (./chunks.ts says why their `import()`s are here).
 */
import type { Step } from '../../flow/types.js';
import { Chunk } from './chunk.js';

/** A member's sign-up and forgot-password forms, and the set-a-new-password step (`reset-token`). */
export const accountChunk = new Chunk(() => import('./account-chunk.js'));

/** My bookings, a manage link's booking and reschedule: their views, texts and calls (src/flow/manage-calls.ts). */
export const manageChunk = new Chunk(() => import('./manage-chunk.js'));

/** "Add to calendar"'s links and their texts, when a customer first opens its list (src/widget/booking-status). */
export const calendarChunk = new Chunk(() => import('../booking-status/calendar-chunk.js'));

/** The steps whose elements these chunks define. */
export const lateChunks: Partial<Record<Step, Chunk<unknown>>> = {
  'reset-password': accountChunk,
  'my-bookings': manageChunk,
  manage: manageChunk,
  reschedule: manageChunk,
};
