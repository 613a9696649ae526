/**
 * Bundle entry (dist/booking-widget.js and dist/booking-widget.iife.js): importing it registers
 * `<booking-widget>` (once, even if loaded twice). It exports no value, so the classic script adds no global
 * name; the class is `customElements.get('booking-widget')`. Its types for hosts (the package's dist-types/,
 * docs/frameworks.md) are those of ./widget/booking-widget/public-types.ts, re-exported here.
 */
import './widget/booking-widget/booking-widget.js';

export type * from './widget/booking-widget/public-types.js';
