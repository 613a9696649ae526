/**
 * The widget's second chunk, loaded right after the service list is painted (or at once when a flow resumes or
 * a service is preset): XState with the flow machine and its API actors, and every step of the booking path
 * after the service list. One chunk rather than one per step: each file pays for its own compression dictionary.
 * What the booking path never needs loads later, from here (./chunks.ts).
 */
import '../variant-picker/variant-picker.js';
import '../slot-picker/slot-picker.js';
import '../details-form/details-form.js';
import '../review-summary/review-summary.js';
import '../card-entry/card-entry.js';
import '../booking-status/booking-status.js';

import { createFlowEnvironment as createEnvironment, type FlowEnvironmentOptions } from '../../flow/environment.js';
import { manageChunk } from './late-chunks.js';

/** The flow's environment, its my-bookings and manage calls fetched with their views (./manage-chunk.ts). */
export const createFlowEnvironment = (options: Omit<FlowEnvironmentOptions, 'manageCalls'>) =>
  createEnvironment({ ...options, manageCalls: () => manageChunk.load().then((chunk) => chunk.manageCalls) });
export { bookingSummary } from '../../flow/summary.js';

export { lateChunks } from './late-chunks.js';
