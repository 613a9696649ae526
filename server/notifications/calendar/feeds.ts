/**
 * Subscribable calendar feeds (contract section 13): the owner creates one for the business or for a staff
 * member and gets its secret URL once; the secret is the credential (32 random bytes), stored only as its sha256.
 * Revoking is a row update that every read sees, so a revoked URL answers 404 at once on every instance.
 *
 * What a feed shows: PENDING and CONFIRMED bookings (what holds a staff member's time, as availability counts it)
 * overlapping the window from 30 days ago to a year ahead, earliest first, at most FEED_MAX_EVENTS. A staff
 * member's feed has their appointments (the booking's resource) and the bookings of the class sessions they teach
 * (the session rule's staff member, as it is now). Course bookings are left out: one booking spans all of a
 * course's sessions, which would show as one event weeks long.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Booking, BookingStatus } from '../../../src/model/booking.js';
import type { SessionRule } from '../../../src/model/business.js';
import type { SessionMove, Storage } from '../../storage/types.js';
import type { CalendarFeed } from '../../storage/feed-types.js';
import { DomainError, notFound } from '../../domain/errors.js';
import { decodeEventId, encodeEventId } from '../../domain/availability/event-id.js';
import { expandRules } from '../../domain/availability/sessions.js';
import { applyMoves } from '../../domain/availability/session-moves.js';
import { serviceIdOf } from '../../domain/bookings/booked-service.js';
import { calendarContextOf, RESCHEDULE_ACTION } from './context.js';
import { feedCalendar, type FeedEntry } from './feed.js';

export const FEED_LIVE_STATUSES: readonly BookingStatus[] = ['PENDING', 'CONFIRMED'];
export const FEED_PAST_DAYS = 30;
export const FEED_FUTURE_DAYS = 365;
export const FEED_MAX_EVENTS = 2_000;
const DAY_MS = 86_400_000;

/** A feed secret as it appears in the URL: 32 bytes, base64url (43 characters). */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export const feedSecretHash = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** The same 404 for a secret that never existed, a revoked one and a malformed one: none says which. */
export const feedNotFound = (): DomainError =>
  new DomainError(
    'NOT_FOUND',
    'There is no calendar feed at this address: it was revoked, or the link is incomplete. Ask the business owner for a new feed link.',
  );

export async function createFeed(
  storage: Storage,
  now: Date,
  staffMemberId: string | undefined,
): Promise<{ feed: CalendarFeed; secret: string }> {
  if (staffMemberId !== undefined && !(await storage.staff.get(staffMemberId))) {
    throw notFound('Staff member', staffMemberId, 'STAFF_MEMBER_NOT_FOUND');
  }
  const feed: CalendarFeed = { id: randomUUID(), ...(staffMemberId ? { staffMemberId } : {}), createdDate: now.toISOString() };
  const secret = randomBytes(32).toString('base64url');
  await storage.feeds.insert(feed, feedSecretHash(secret));
  return { feed, secret };
}

export async function revokeFeed(storage: Storage, id: string, now: Date): Promise<void> {
  if (!(await storage.feeds.revoke(id, now.toISOString()))) throw notFound('Calendar feed', id);
}

/** The live feed this secret opens, or FEED_NOT_FOUND's 404 (read from storage each time: no cache to go stale). */
export async function feedForSecret(storage: Storage, secret: string): Promise<CalendarFeed> {
  const feed = SECRET_PATTERN.test(secret) ? await storage.feeds.findBySecretHash(feedSecretHash(secret)) : null;
  if (!feed) throw feedNotFound();
  return feed;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The class sessions a staff member teaches in the window, as event ids (a session's bookings carry its id). */
function taughtSessions(
  rules: readonly SessionRule[],
  moves: readonly SessionMove[],
  staffId: string,
  zone: string,
  fromMs: number,
  toMs: number,
): string[] {
  const taught = rules.filter((r) => r.staffMemberId === staffId);
  // A day earlier: a session that began just before the window may still overlap it. Moved sessions where they are now.
  const from = fromMs - DAY_MS;
  const ruleById = new Map(taught.map((r) => [r.id, r]));
  return applyMoves(expandRules(taught, zone, from, toMs), moves, ruleById, zone, from, toMs).map((o) => encodeEventId(o));
}

/** The feed's calendar text, as of `now`. */
export async function renderFeed(storage: Storage, feed: CalendarFeed, now: Date): Promise<string> {
  const [business, services, staff, rules] = await Promise.all([
    storage.business.get(),
    storage.catalogue.listServices(),
    storage.staff.list(),
    storage.schedules.listRules(),
  ]);
  const zone = business?.timeZone ?? 'UTC';
  const fromMs = now.getTime() - FEED_PAST_DAYS * DAY_MS;
  const toMs = now.getTime() + FEED_FUTURE_DAYS * DAY_MS;
  const member = feed.staffMemberId ? staff.find((s) => s.id === feed.staffMemberId) : undefined;
  const moves = feed.staffMemberId ? await storage.schedules.listMoves(rules.map((r) => r.id)) : [];
  const rows = await storage.feeds.listBookings({
    fromUtc: iso(fromMs),
    toUtc: iso(toMs),
    statuses: FEED_LIVE_STATUSES,
    limit: FEED_MAX_EVENTS,
    rescheduleAction: RESCHEDULE_ACTION,
    ...(feed.staffMemberId
      ? { staff: { resourceId: feed.staffMemberId, eventIds: taughtSessions(rules, moves, feed.staffMemberId, zone, fromMs, toMs) } }
      : {}),
  });
  const serviceById = new Map(services.map((s) => [s.id, s]));
  const staffName = new Map(staff.map((s) => [s.id, s.name]));
  const ruleStaff = new Map(rules.map((r) => [r.id, r.staffMemberId]));
  // An appointment's staff member is its resource; a class session's is its rule's.
  const staffOf = (b: Booking): string | undefined => {
    const slot = b.bookedEntity.slot;
    if (slot?.resource) return slot.resource.name ?? staffName.get(slot.resource.id);
    const ruleId = slot?.eventId ? decodeEventId(slot.eventId)?.ruleId : undefined;
    const id = ruleId ? ruleStaff.get(ruleId) : undefined;
    return id ? staffName.get(id) : undefined;
  };
  const entries: FeedEntry[] = rows
    .filter((r) => r.booking.bookedEntity.slot && r.booking.startDate && r.booking.endDate)
    .map(({ booking, reschedules }) => ({
      booking,
      context: calendarContextOf(booking, {
        business,
        service: serviceById.get(serviceIdOf(booking)) ?? null,
        staffName: staffOf(booking),
        reschedules,
      }),
    }));
  const businessName = business?.name ?? 'Bookings';
  const name = feed.staffMemberId ? `${businessName}: ${member?.name ?? 'staff member'}` : `${businessName}: all bookings`;
  return feedCalendar({ name, zone, entries });
}
