export {
  allowedActions,
  cancellationAllowed,
  cancellationClosesAt,
  cancellationRefusal,
  rescheduleAllowed,
  rescheduleRefusal,
  type PolicyAnswer,
  type PolicyRefusal,
  type Caller,
} from './policy.js';
