/** `booking-widget/client`: the typed HTTP client of the bookings API. */
export { createClient, createWidgetClient, type BookingClient, type WidgetClient, type ClientOptions } from './client.js';
export { BookingApiError } from './errors.js';
export { newIdempotencyKey } from './transport.js';
export type * from '../model/index.js';
