/** The steps after the time: loaded at idle time while the customer picks a time, or when the step shows. */
import '../details-form/details-form.js';
import '../review-summary/review-summary.js';
import '../card-entry/card-entry.js';
import '../booking-status/booking-status.js';
