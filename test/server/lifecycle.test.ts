/** Every status × every event of contract section 6, against a table written out independently here. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createActor } from 'xstate';
import { bookingLifecycle, decideTransition, LIFECYCLE_EVENT_TYPES, type LifecycleEvent } from '../../src/lifecycle/index.js';
import type { BookingStatus } from '../../src/model/booking.js';

type From = BookingStatus | null;
const FROM: From[] = [null, 'CREATED', 'PENDING', 'CONFIRMED', 'WAITING_LIST', 'DECLINED', 'CANCELED'];

/** A representative event of each type: room available, unpaid, no manual approval. */
const EVENTS: Record<LifecycleEvent['type'], LifecycleEvent> = {
  CREATE: { type: 'CREATE' },
  CREATE_WAITLISTED: { type: 'CREATE_WAITLISTED' },
  CONFIRM_OR_DECLINE: {
    type: 'CONFIRM_OR_DECLINE',
    hasRoom: true,
    paymentStatus: 'NOT_PAID',
    skipAvailabilityValidation: false,
    requiresManualApproval: false,
  },
  MARK_AS_PENDING: { type: 'MARK_AS_PENDING' },
  CONFIRM: { type: 'CONFIRM' },
  DECLINE: { type: 'DECLINE' },
  CANCEL: { type: 'CANCEL' },
  RESCHEDULE: { type: 'RESCHEDULE' },
  UPDATE_NUMBER_OF_PARTICIPANTS: { type: 'UPDATE_NUMBER_OF_PARTICIPANTS' },
  SPOT_OPENED: { type: 'SPOT_OPENED' },
  ORDER_DECLINED: { type: 'ORDER_DECLINED' },
};

/** The allowed transitions; every pair not listed must be refused. */
const ALLOWED: Partial<Record<LifecycleEvent['type'], Partial<Record<string, BookingStatus>>>> = {
  CREATE: { new: 'CREATED' },
  CREATE_WAITLISTED: { new: 'WAITING_LIST' },
  CONFIRM_OR_DECLINE: { CREATED: 'CONFIRMED' },
  MARK_AS_PENDING: { CREATED: 'PENDING' },
  CONFIRM: { CREATED: 'CONFIRMED', PENDING: 'CONFIRMED', WAITING_LIST: 'CONFIRMED' },
  DECLINE: { CREATED: 'DECLINED', PENDING: 'DECLINED', WAITING_LIST: 'DECLINED' },
  CANCEL: { CREATED: 'CANCELED', PENDING: 'CANCELED', CONFIRMED: 'CANCELED', WAITING_LIST: 'CANCELED' },
  RESCHEDULE: { PENDING: 'PENDING', CONFIRMED: 'CONFIRMED' },
  UPDATE_NUMBER_OF_PARTICIPANTS: { CREATED: 'CREATED', PENDING: 'PENDING', CONFIRMED: 'CONFIRMED', WAITING_LIST: 'WAITING_LIST' },
  SPOT_OPENED: { WAITING_LIST: 'CONFIRMED' },
  ORDER_DECLINED: { CREATED: 'DECLINED', PENDING: 'DECLINED', CONFIRMED: 'DECLINED' },
};

describe('booking lifecycle: every status × every event', () => {
  it('covers every event type the machine knows', () => {
    assert.deepEqual([...LIFECYCLE_EVENT_TYPES].sort(), Object.keys(EVENTS).sort());
  });

  for (const from of FROM) {
    for (const type of LIFECYCLE_EVENT_TYPES) {
      const expected = ALLOWED[type]?.[from ?? 'new'];
      const name = `${from ?? '(new)'} --${type}--> ${expected ?? 'refused'}`;
      it(name, () => {
        const decision = decideTransition(from, EVENTS[type]);
        if (expected) {
          assert.equal(decision.allowed, true, name);
          assert.equal(decision.allowed && decision.status, expected);
        } else {
          assert.equal(decision.allowed, false, name);
          assert.match(!decision.allowed ? decision.message : '', /cannot/);
        }
      });
    }
  }

  it('DECLINED and CANCELED are final: no event moves them, and the message says so', () => {
    for (const from of ['DECLINED', 'CANCELED'] as const) {
      for (const type of LIFECYCLE_EVENT_TYPES) {
        const d = decideTransition(from, EVENTS[type]);
        assert.equal(d.allowed, false);
        assert.match(!d.allowed ? d.message : '', /is final/);
      }
    }
  });
});

describe('confirm-or-decline (contract section 6)', () => {
  const cases: {
    name: string;
    facts: Omit<Extract<LifecycleEvent, { type: 'CONFIRM_OR_DECLINE' }>, 'type'>;
    status: BookingStatus;
    doubleBooked: boolean;
  }[] = [
    {
      name: 'room, auto-confirm',
      facts: { hasRoom: true, paymentStatus: 'NOT_PAID', skipAvailabilityValidation: false, requiresManualApproval: false },
      status: 'CONFIRMED',
      doubleBooked: false,
    },
    {
      name: 'room, manual approval',
      facts: { hasRoom: true, paymentStatus: 'PAID', skipAvailabilityValidation: false, requiresManualApproval: true },
      status: 'PENDING',
      doubleBooked: false,
    },
    {
      name: 'room, manual approval skipped by the owner',
      facts: {
        hasRoom: true,
        paymentStatus: 'PAID',
        skipAvailabilityValidation: false,
        requiresManualApproval: true,
        skipBusinessConfirmation: true,
      },
      status: 'CONFIRMED',
      doubleBooked: false,
    },
    {
      name: 'full, unpaid → declined',
      facts: { hasRoom: false, paymentStatus: 'NOT_PAID', skipAvailabilityValidation: false, requiresManualApproval: false },
      status: 'DECLINED',
      doubleBooked: false,
    },
    {
      name: 'full, free (EXEMPT) → declined',
      facts: { hasRoom: false, paymentStatus: 'EXEMPT', skipAvailabilityValidation: false, requiresManualApproval: false },
      status: 'DECLINED',
      doubleBooked: false,
    },
    {
      name: 'full, refunded → declined',
      facts: { hasRoom: false, paymentStatus: 'REFUNDED', skipAvailabilityValidation: false, requiresManualApproval: false },
      status: 'DECLINED',
      doubleBooked: false,
    },
    {
      name: 'full, paid → kept, double booked',
      facts: { hasRoom: false, paymentStatus: 'PAID', skipAvailabilityValidation: false, requiresManualApproval: false },
      status: 'CONFIRMED',
      doubleBooked: true,
    },
    {
      name: 'full, deposit paid, manual approval → pending, double booked',
      facts: { hasRoom: false, paymentStatus: 'PARTIALLY_PAID', skipAvailabilityValidation: false, requiresManualApproval: true },
      status: 'PENDING',
      doubleBooked: true,
    },
    {
      name: 'full, owner skipped availability → never declined, flagged',
      facts: { hasRoom: false, paymentStatus: 'NOT_PAID', skipAvailabilityValidation: true, requiresManualApproval: false },
      status: 'CONFIRMED',
      doubleBooked: true,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const d = decideTransition('CREATED', { type: 'CONFIRM_OR_DECLINE', ...c.facts });
      assert.ok(d.allowed);
      assert.equal(d.status, c.status);
      assert.equal(d.doubleBooked, c.doubleBooked);
    });
  }

  it('the owner confirming into a full slot flags a double booking; with room it does not', () => {
    const full = decideTransition('PENDING', { type: 'CONFIRM', hasRoom: false });
    const room = decideTransition('PENDING', { type: 'CONFIRM', hasRoom: true });
    assert.ok(full.allowed && room.allowed);
    assert.equal(full.doubleBooked, true);
    assert.equal(room.doubleBooked, false);
  });

  it('the owner creating a confirmed booking into a full slot flags it', () => {
    const d = decideTransition(null, { type: 'CREATE', skipBusinessConfirmation: true, hasRoom: false });
    assert.ok(d.allowed);
    assert.equal(d.status, 'CONFIRMED');
    assert.equal(d.doubleBooked, true);
  });

  it('keeps an existing doubleBooked flag through later transitions', () => {
    const d = decideTransition('CONFIRMED', { type: 'RESCHEDULE' }, { doubleBooked: true });
    assert.ok(d.allowed);
    assert.equal(d.doubleBooked, true);
  });
});

describe('the machine as an actor (how the widget mirrors a booking)', () => {
  it('walks create → confirm-or-decline → cancel, and resumes from a persisted snapshot', () => {
    const actor = createActor(bookingLifecycle).start();
    actor.send({ type: 'CREATE' });
    actor.send({
      type: 'CONFIRM_OR_DECLINE',
      hasRoom: true,
      paymentStatus: 'PAID',
      skipAvailabilityValidation: false,
      requiresManualApproval: true,
    });
    assert.equal(actor.getSnapshot().value, 'PENDING');
    const persisted = actor.getPersistedSnapshot();
    actor.stop();

    const resumed = createActor(bookingLifecycle, { snapshot: persisted }).start();
    assert.equal(resumed.getSnapshot().value, 'PENDING');
    resumed.send({ type: 'CANCEL' });
    assert.equal(resumed.getSnapshot().value, 'CANCELED');
    assert.equal(resumed.getSnapshot().status, 'done');
    resumed.stop();
  });

  it('ignores an event the current status does not allow', () => {
    const actor = createActor(bookingLifecycle).start();
    actor.send({ type: 'CONFIRM' });
    assert.equal(actor.getSnapshot().value, 'new');
    actor.stop();
  });
});
