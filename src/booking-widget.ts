/**
 * Bundle entry (dist/booking-widget.js and dist/booking-widget.iife.js): importing it registers
 * `<booking-widget>` (once, even if loaded twice). It exports no value, so the classic script adds no global
 * name; the class is `customElements.get('booking-widget')`.
 */
import './widget/booking-widget/booking-widget.js';

export type { BookingWidget } from './widget/booking-widget/booking-widget.js';
