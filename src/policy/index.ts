export { allowedActions, cancellationAllowed, cancellationClosesAt, rescheduleAllowed, type PolicyAnswer, type Caller } from './policy.js';
