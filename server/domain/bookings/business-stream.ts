/**
 * Which booking changes the business live stream (contract section 12, `GET /bookings/v2/events`) sends to whom:
 * the OWNER every booking; a STAFF account the bookings of its own sessions and appointments.
 */
import type { Booking } from '../../../src/model/booking.js';
import type { Identity } from '../identity/identity.js';
import type { Storage } from '../../storage/types.js';
import { staffMemberSees } from './staff-access.js';

/** Whether `identity`'s stream carries this booking: the one place the stream filters (STAFF: staff-access.ts). */
export async function visibleToStream(identity: Identity, booking: Booking, storage: Storage): Promise<boolean> {
  if (identity.kind === 'staff') return staffMemberSees(storage, identity.staffMemberId, booking);
  return identity.kind === 'owner';
}

/** The stream's `id:` for a booking change: its updatedDate and id, so a client can tell where it stopped. */
export const streamEventId = (booking: Booking): string => `${booking.updatedDate}_${booking.id}`;
