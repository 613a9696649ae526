export {
  allowedActions,
  cancellationAllowed,
  cancellationClosesAt,
  rescheduleAllowed,
  type PolicyAnswer,
  type PolicyRefusal,
  type Caller,
} from './policy.js';
