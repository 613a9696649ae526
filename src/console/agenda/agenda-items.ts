/**
 * The agenda's pure rules: which class sessions and bookings a period shows, where each goes (its day in the
 * studio's zone, its hour there), and how full a session is. Takes plain values and returns plain values, so the
 * DST weeks and the STAFF filter are tested without a server or a browser.
 */
import type { TimeSlot } from '../../model/availability.js';
import type { Booking, BookingStatus } from '../../model/booking.js';
import { localParts } from '../shared/studio-time.js';

/** The statuses that hold time in the calendar (contract section 6); CREATED is a booking still being paid. */
export const AGENDA_STATUSES: readonly BookingStatus[] = ['PENDING', 'CONFIRMED', 'WAITING_LIST', 'CREATED'];

export interface SessionItem {
  kind: 'session';
  eventId: string;
  /** Local start and end in the studio's zone, `YYYY-MM-DDTHH:MM:SS`, as the time slots answer them. */
  start: string;
  end: string;
  title: string;
  teacher: string | undefined;
  booked: number;
  capacity: number;
  /** Participants on the waiting list; undefined when the class has no waiting list. */
  waiting: number | undefined;
  canceled: boolean;
  /** The session's bookings that hold a place or wait for one, earliest made first. */
  bookings: Booking[];
}

export interface BookingItem {
  kind: 'booking';
  booking: Booking;
  start: string;
  end: string;
}

export type AgendaItem = SessionItem | BookingItem;

export interface AgendaHour {
  /** 0-23, the local hour the items start in. */
  hour: number;
  items: AgendaItem[];
}

export interface AgendaDay {
  day: string;
  hours: AgendaHour[];
}

export interface AgendaInput {
  days: readonly string[];
  timeZone: string;
  sessions: readonly TimeSlot[];
  bookings: Iterable<Booking>;
  /** A STAFF account's staff member: only the sessions it teaches (the server already scopes the bookings). */
  staffMemberId?: string | undefined;
}

/** How many people a booking brings: its total, or the sum of its choices. */
export function participantsOf(booking: Booking): number {
  if (booking.totalParticipants !== undefined) return booking.totalParticipants;
  const choices = booking.participantsChoices?.serviceChoices ?? [];
  return choices.length > 0 ? choices.reduce((n, c) => n + c.numberOfParticipants, 0) : 1;
}

/** An instant as the studio's wall clock, `YYYY-MM-DDTHH:MM:00`, the form the time slots use. */
export function localWall(instant: string, timeZone: string): string {
  const p = localParts(Date.parse(instant), timeZone);
  return `${p.day}T${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}:00`;
}

const teacherOf = (slot: TimeSlot) => slot.availableResources[0]?.resources[0];

function sessionItem(slot: TimeSlot, bookings: Booking[]): SessionItem {
  const eventId = slot.eventInfo?.eventId ?? '';
  const sum = (status: BookingStatus[]) => bookings.filter((b) => status.includes(b.status)).reduce((n, b) => n + participantsOf(b), 0);
  const wl = slot.eventInfo?.waitingList;
  return {
    kind: 'session',
    eventId,
    start: slot.localStartDate,
    end: slot.localEndDate,
    title: slot.eventInfo?.eventTitle ?? '',
    teacher: teacherOf(slot)?.name,
    // The server's count stops at capacity; double-booked places are counted from the bookings themselves.
    booked: Math.max(slot.totalCapacity - slot.remainingCapacity, sum(['PENDING', 'CONFIRMED'])),
    capacity: slot.totalCapacity,
    waiting: wl ? Math.max(wl.totalCapacity - wl.remainingCapacity, sum(['WAITING_LIST'])) : undefined,
    canceled: slot.nonBookableReasons.eventCancelled,
    bookings: [...bookings].sort((a, b) => a.createdDate.localeCompare(b.createdDate) || a.id.localeCompare(b.id)),
  };
}

/**
 * The period's days, each with its items grouped by the local hour they start in, earliest first. A class
 * booking goes inside its session when the session is shown; any other booking (an appointment, a course, a
 * session not listed) is an item of its own.
 */
export function buildAgenda({ days, timeZone, sessions, bookings, staffMemberId }: AgendaInput): AgendaDay[] {
  const shownDays = new Set(days);
  const shownSessions = sessions.filter(
    (s) => s.eventInfo && shownDays.has(s.localStartDate.slice(0, 10)) && (!staffMemberId || teacherOf(s)?.id === staffMemberId),
  );
  const sessionIds = new Set(shownSessions.map((s) => s.eventInfo?.eventId));
  const bySession = new Map<string, Booking[]>();
  const items: AgendaItem[] = [];
  for (const b of bookings) {
    if (!AGENDA_STATUSES.includes(b.status) || !b.startDate) continue;
    const eventId = b.bookedEntity.slot?.eventId;
    if (eventId && sessionIds.has(eventId)) {
      bySession.set(eventId, [...(bySession.get(eventId) ?? []), b]);
      continue;
    }
    const start = localWall(b.startDate, timeZone);
    if (!shownDays.has(start.slice(0, 10))) continue;
    items.push({ kind: 'booking', booking: b, start, end: b.endDate ? localWall(b.endDate, timeZone) : start });
  }
  for (const s of shownSessions) items.push(sessionItem(s, bySession.get(s.eventInfo?.eventId ?? '') ?? []));
  items.sort((a, b) => a.start.localeCompare(b.start) || keyOf(a).localeCompare(keyOf(b)));

  return days.map((day) => {
    const hours: AgendaHour[] = [];
    for (const item of items.filter((i) => i.start.startsWith(day))) {
      const hour = Number(item.start.slice(11, 13));
      const last = hours[hours.length - 1];
      if (last?.hour === hour) last.items.push(item);
      else hours.push({ hour, items: [item] });
    }
    return { day, hours };
  });
}

const keyOf = (item: AgendaItem): string => (item.kind === 'session' ? `s${item.eventId}` : `b${item.booking.id}`);
