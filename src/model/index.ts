/** The contract's types, shared by the widget, the client and the server. */
export type * from './common.js';
export type * from './errors.js';
export type * from './service.js';
export type * from './policy.js';
export type * from './availability.js';
export type * from './booking.js';
export type * from './checkout.js';
export type * from './members.js';
export type * from './business.js';
export type * from './business-user.js';
export type * from './email.js';
export { BOOKING_STATUSES, PAYMENT_STATUSES, SELECTED_PAYMENT_OPTIONS } from './booking.js';
export { BOOKINGS_APP_ID, priceAsMoney } from './checkout.js';
export { WEEKDAYS } from './business.js';
export type * from './customer.js';
