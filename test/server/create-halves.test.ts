/**
 * A create's two halves (issue 12): resolved outside the write lock, decided inside it. An owner's edit that lands
 * between the halves is not missed: the second half resolves again on the setup as it is then.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { commitCreate, prepareCreate, type CreateDeps } from '../../server/domain/bookings/create-booking.js';
import { Capacity } from '../../server/domain/bookings/capacity.js';
import { createSlotResolver } from '../../server/domain/availability/resolver.js';
import { DomainError } from '../../server/domain/errors.js';
import type { CreateBookingCommand } from '../../server/domain/bookings/commands.js';
import { NOW, startBookingServer, serviceNamed, eventIdAt, classBooking } from './bookings-fixtures.js';

it('an owner edit between the halves is seen: the booking is decided on the setup as it is at commit', async () => {
  const { server } = await startBookingServer();
  try {
    const storage = server.storage;
    const yoga = await serviceNamed(server, 'Community Yoga');
    const eventId = await eventIdAt(server, yoga, '2026-12-05T10:00:00');
    const deps: CreateDeps = {
      storage,
      capacity: new Capacity(storage, createSlotResolver(storage)),
      serviceFor: async (entity) => {
        const service = await storage.catalogue.getService(entity.slot?.serviceId ?? '');
        if (!service) throw new Error('no service');
        return service;
      },
    };
    const visitor = { kind: 'visitor', visitorId: 'visitor-between-halves' } as const;
    const body = classBooking(yoga, eventId, { selectedPaymentOption: 'OFFLINE' }) as unknown as CreateBookingCommand;

    // Unchanged setup: the prepared half is used as it is, and the booking lands.
    const made = await storage.transaction(async () => commitCreate(deps, visitor, await prepareCreate(deps, visitor, body, NOW), NOW));
    assert.equal(made.booking.status, 'CREATED');

    // The owner turns online booking off after the first half ran: the second half refuses.
    const prepared = await prepareCreate(deps, visitor, body, NOW);
    const service = await storage.catalogue.getService(yoga.id);
    assert.ok(service);
    const closed = { ...service, onlineBooking: { ...service.onlineBooking, enabled: false } };
    assert.ok(await storage.catalogue.updateService(closed, service.revision));
    await assert.rejects(
      storage.transaction(() => commitCreate(deps, visitor, prepared, NOW)),
      (error: unknown) => error instanceof DomainError && error.code === 'BOOKING_POLICY_VIOLATION',
    );
  } finally {
    await server.close();
  }
});
