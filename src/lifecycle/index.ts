export { bookingLifecycle, LIFECYCLE_EVENT_TYPES } from './booking-lifecycle.js';
export type { LifecycleEvent, LifecycleEventType, LifecycleContext, ConfirmOrDeclineFacts } from './booking-lifecycle.js';
export { decideTransition, snapshotFor, isBookingStatus } from './decide.js';
export { FINAL_STATUSES, ACTIVE_STATUSES, isFinalStatus, isActiveStatus } from './statuses.js';
export type { TransitionDecision } from './decide.js';
