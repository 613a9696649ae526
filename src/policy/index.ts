export { allowedActions, cancellationAllowed, rescheduleAllowed, type PolicyAnswer, type Caller } from './policy.js';
