/**
 * The widget's second chunk, loaded right after the service list is painted (or at once when a flow resumes or
 * a service is preset): XState with the flow machine and its API actors, and the variant and time steps.
 */
import '../variant-picker/variant-picker.js';
import '../slot-picker/slot-picker.js';

export { createFlowEnvironment } from '../../flow/environment.js';
export { bookingSummary } from '../../flow/summary.js';

/** The steps after the time (./later-steps.ts), a chunk of their own. */
export const loadLaterSteps = (): Promise<unknown> => import('./later-steps.js');
