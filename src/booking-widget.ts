/** Bundle entry (dist/booking-widget.js and the IIFE's global `BookingWidget`): importing it registers the elements. */
export { BookingWidget, type ServiceSummary } from './widget/booking-widget/booking-widget.js';
