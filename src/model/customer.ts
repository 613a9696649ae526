/**
 * The business's customers (extension, shaped after Wix Contacts where it is cheap): the people in its bookings,
 * one per email (case-insensitive), and its members. `id` is the contact's id, stable and free of the email.
 */
import type { Booking } from './booking.js';
import type { QueryCursorPagingMetadata } from './common.js';
import type { MemberPlanOrder } from './members.js';

export interface Customer {
  id: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  /** Set when the customer is a member (signs in, may hold pricing plans). */
  memberId?: string;
  /** Bookings of any status the caller sees (a STAFF account: its staff member's only). */
  bookingsCount: number;
  /** The next start of a booking not canceled or declined. */
  nextBookingStart?: string;
  /** The latest past start of a booking not canceled or declined. */
  lastBookingStart?: string;
}

export interface CustomerListResponse {
  customers: Customer[];
  pagingMetadata: QueryCursorPagingMetadata;
}

export interface CustomerResponse {
  customer: Customer;
  /** Latest start first (at most 200). */
  bookings: Booking[];
  /** A member's pricing-plan orders with their credits; empty for a customer who is no member. */
  planOrders: MemberPlanOrder[];
}
