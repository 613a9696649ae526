/**
 * Bundle entry of the business console (dist/booking-console.js, loaded by console/index.html at /console/):
 * importing it registers `<booking-console>`. A separate build from the widget's (vite.console.config.ts), so
 * the widget's files and sizes do not change with it.
 */
import './console/booking-console/booking-console.js';

export type { BookingConsole } from './console/booking-console/booking-console.js';
