/**
 * Customers as the console lists them (docs/business-accounts.md, "Customers"): the contacts that have a booking,
 * and members. One contact per email (case-insensitive), so a customer's id is its contact id: stable, and no
 * email in any address. A customer is the API's own `Customer` (src/model/customer.ts).
 */
import type { Customer } from '../../src/model/customer.js';

/** Which bookings a STAFF account sees, in columns the bookings table has (domain/customers/staff-scope.ts). */
export interface BookingScope {
  staffMemberId: string;
  /** The staff member's session rules as event-id prefixes (an event id is base64url of `ruleId|localStart`). */
  eventIdPrefixes: string[];
  /** The schedules of the courses the staff member teaches. */
  courseScheduleIds: string[];
}

export interface CustomerListQuery {
  /** Lower-cased substring of the name ("first last"), or the email. */
  search?: string;
  limit: number;
  offset: number;
  now: string;
  /** A STAFF account's bookings only; members without such a booking are left out. */
  scope?: BookingScope;
}

export interface CustomerStore {
  /** A page of customers, by first then last name (case-insensitive), then id. */
  list(query: CustomerListQuery): Promise<Customer[]>;
  /** One customer, or null when the contact is unknown or no customer for this scope. */
  get(id: string, now: string, scope?: BookingScope): Promise<Customer | null>;
  /** The ids of a customer's bookings in scope, latest start first. */
  bookingIds(contactId: string, limit: number, scope?: BookingScope): Promise<string[]>;
}
