/** What every route plugin is given: the storage, the domain services and the authenticator. */
import type { Storage } from '../storage/types.js';
import type { Authenticator } from './auth.js';
import type { CatalogueService } from '../domain/catalogue/catalogue-service.js';
import type { SlotResolver } from '../domain/availability/slot-resolver.js';
import type { TokenService } from '../domain/identity/tokens.js';
import type { BookingService } from '../domain/bookings/booking-service.js';
import type { BookingEventBus } from '../domain/bookings/events.js';
import type { MemberService } from '../domain/members/member-service.js';
import type { PlanService } from '../domain/plans/plan-service.js';
import type { CheckoutService } from '../domain/checkout/checkout-service.js';
import type { RateLimitSettings } from './rate-limits.js';

export interface AppContext {
  storage: Storage;
  auth: Authenticator;
  catalogue: CatalogueService;
  /** "Now" for every time rule (booking policies, default ranges); tests pass a fixed clock. */
  clock: () => Date;
  /** Resolves a booked entity to a concrete occupancy and counts its room (the availability/bookings seam). */
  slots: SlotResolver;
  /** Visitor (and member) access and refresh tokens. */
  tokens: TokenService;
  /** Booking changes after commit, for the live status streams. */
  bookingEvents: BookingEventBus;
  bookings: BookingService;
  members: MemberService;
  plans: PlanService;
  checkout: CheckoutService;
  /** The limits in force (docs/security.md); the live streams read their caps here. */
  limits: RateLimitSettings;
}
