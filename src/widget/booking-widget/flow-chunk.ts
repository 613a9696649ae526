/**
 * The widget's second (and last) chunk, loaded right after the service list is painted (or at once when a flow
 * resumes or a service is preset): XState with the flow machine and its API actors, and every step after the
 * service list. One chunk rather than two: each file pays for its own compression dictionary, and the later
 * steps (about 13 KB before compression) cost less inside this one than on their own.
 */
import '../variant-picker/variant-picker.js';
import '../slot-picker/slot-picker.js';
import '../details-form/details-form.js';
import '../review-summary/review-summary.js';
import '../card-entry/card-entry.js';
import '../booking-status/booking-status.js';
// A member's sign-up, forgot-password and set-a-new-password forms: about 2.5 KB gzip here. A chunk of their own
// made the build move Lit and the step base out of the first script into a shared chunk (1.4 KB more, and a second
// request before the first paint), so they ride in this one, which loads after the first paint.
import '../member-account/member-forms.js';
import '../member-account/reset-password.js';
// My bookings and a manage link's booking (about 1.5 KB gzip): reached from the service step or a link, after the first paint.
import '../my-bookings/my-bookings.js';

export { createFlowEnvironment } from '../../flow/environment.js';
export { bookingSummary } from '../../flow/summary.js';
