/**
 * The cancellation and reschedule policy lives in src/policy, shared with the widget; the server's callers keep
 * importing it from here.
 */
export { allowedActions, cancellationAllowed, rescheduleAllowed, type PolicyAnswer } from '../../../src/policy/index.js';
