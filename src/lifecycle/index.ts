export { bookingLifecycle, LIFECYCLE_EVENT_TYPES } from './booking-lifecycle.js';
export type { LifecycleEvent, LifecycleEventType, LifecycleContext, ConfirmOrDeclineFacts } from './booking-lifecycle.js';
export { decideTransition, snapshotFor, isBookingStatus, isFinalStatus } from './decide.js';
export type { TransitionDecision } from './decide.js';
