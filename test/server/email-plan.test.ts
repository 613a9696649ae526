/** Which emails each booking change sends (server/notifications/mail/plan.ts), rule by rule, without a server. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Booking, BookingStatus } from '../../src/model/booking.js';
import { plannedEmails, type BookingChangeFacts } from '../../server/notifications/mail/plan.js';

const booking = (status: BookingStatus, extra: Partial<Booking> = {}): Booking => ({ id: 'b1', status, ...extra }) as Booking;
const plan = (
  before: BookingStatus | null,
  after: BookingStatus,
  action = 'X',
  actorKind = 'visitor',
  extra: Partial<BookingChangeFacts> = {},
) =>
  plannedEmails({ before: before ? booking(before) : null, after: booking(after), action, actorKind, ...extra }).map(
    (p) => `${p.role}:${p.kind}`,
  );

describe('which emails a booking change sends', () => {
  it('a request waiting for approval: the customer hears it was received, the business that it waits', () => {
    assert.deepEqual(plan('CREATED', 'PENDING'), ['customer:booking-received', 'business:business-approval-needed']);
    assert.deepEqual(plan(null, 'PENDING'), ['customer:booking-received', 'business:business-approval-needed']);
  });

  it('confirmed at once: the customer and the business; confirmed after approval: only the customer', () => {
    assert.deepEqual(plan(null, 'CONFIRMED'), ['customer:booking-confirmed', 'business:business-new-booking']);
    assert.deepEqual(plan('CREATED', 'CONFIRMED'), ['customer:booking-confirmed', 'business:business-new-booking']);
    assert.deepEqual(plan('PENDING', 'CONFIRMED', 'CONFIRM', 'owner'), ['customer:booking-confirmed']);
  });

  it('off the waiting list, declined, canceled', () => {
    assert.deepEqual(plan('WAITING_LIST', 'CONFIRMED', 'CONFIRM', 'owner'), ['customer:waitlist-promoted']);
    assert.deepEqual(plan('PENDING', 'DECLINED', 'DECLINE', 'owner'), ['customer:booking-declined']);
    assert.deepEqual(plan('CONFIRMED', 'CANCELED', 'CANCEL', 'visitor'), ['customer:booking-canceled', 'business:business-cancellation']);
    assert.deepEqual(
      plan('CONFIRMED', 'CANCELED', 'CANCEL', 'owner'),
      ['customer:booking-canceled'],
      'the owner knows its own cancellation',
    );
  });

  it('a reschedule sends the customer the new time; joining the waiting list, a payment or a note send nothing', () => {
    assert.deepEqual(plan('CONFIRMED', 'CONFIRMED', 'RESCHEDULE'), ['customer:booking-rescheduled']);
    assert.deepEqual(plan(null, 'WAITING_LIST'), []);
    assert.deepEqual(plan('CONFIRMED', 'CONFIRMED', 'UPDATE_PAYMENT'), []);
    assert.deepEqual(plan(null, 'CREATED'), [], 'a booking waiting for its checkout is not news yet');
  });

  it('a double booking tells the business once, when the flag is set', () => {
    const set = plannedEmails({
      before: booking('WAITING_LIST'),
      after: booking('CONFIRMED', { doubleBooked: true }),
      action: 'CONFIRM',
      actorKind: 'owner',
    });
    assert.deepEqual(
      set.map((p) => p.kind),
      ['waitlist-promoted', 'business-double-booking'],
    );
    const again = plannedEmails({
      before: booking('CONFIRMED', { doubleBooked: true }),
      after: booking('CONFIRMED', { doubleBooked: true }),
      action: 'RESCHEDULE',
      actorKind: 'owner',
    });
    assert.deepEqual(
      again.map((p) => p.kind),
      ['booking-rescheduled'],
    );
  });
});
