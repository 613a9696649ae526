/**
 * What a booking's calendar file needs besides the booking, read from storage: the service's name, the business
 * (name, zone, email), the place, the staff member, and the number of reschedules in the booking's history
 * (which `SEQUENCE` counts).
 */
import type { Booking } from '../../../src/model/booking.js';
import type { Address, Service } from '../../../src/model/service.js';
import type { Business } from '../../../src/model/business.js';
import type { Storage } from '../../storage/types.js';
import { serviceIdOf } from '../../domain/bookings/booked-service.js';
import type { CalendarContext } from './index.js';

/** The history action a reschedule writes (the lifecycle event's type). */
export const RESCHEDULE_ACTION = 'RESCHEDULE';

function addressText(address: Address | undefined): string | undefined {
  if (!address) return undefined;
  if (address.formattedAddress) return address.formattedAddress;
  const street = [address.streetAddress?.number, address.streetAddress?.name].filter(Boolean).join(' ');
  const text = [street, address.postalCode, address.city, address.country].filter(Boolean).join(', ');
  return text || undefined;
}

/** The booking's own location first, then the service's first location with a name or an address. */
function locationOf(booking: Booking, service: Service | null): string | undefined {
  const booked = booking.bookedEntity.slot?.location;
  if (booked) {
    const text = [booked.name, booked.formattedAddress].filter(Boolean).join(', ');
    if (text) return text;
  }
  for (const location of service?.locations ?? []) {
    const address = addressText(location.calculatedAddress ?? location.business?.address ?? location.custom?.address);
    const text = [location.business?.name, address].filter(Boolean).join(', ');
    if (text) return text;
  }
  return undefined;
}

async function staffNameOf(storage: Storage, booking: Booking): Promise<string | undefined> {
  const resource = booking.bookedEntity.slot?.resource;
  if (!resource) return undefined;
  return resource.name ?? (await storage.staff.get(resource.id))?.name;
}

/** What a context is made of, read once for a feed of many bookings or per booking for one file. */
export interface CalendarContextParts {
  business: Business | null;
  service: Service | null;
  staffName: string | undefined;
  reschedules: number;
  manageUrl?: string;
}

/** The context of `booking` from parts already read (pure). */
export function calendarContextOf(booking: Booking, parts: CalendarContextParts): CalendarContext {
  const { business, service, staffName, manageUrl } = parts;
  const location = locationOf(booking, service);
  return {
    serviceName: booking.bookedEntity.title ?? service?.name ?? 'Booking',
    business: {
      name: business?.name ?? 'Bookings',
      timeZone: business?.timeZone ?? booking.bookedEntity.slot?.timezone ?? 'UTC',
      ...(business?.email ? { email: business.email } : {}),
    },
    ...(location ? { location } : {}),
    ...(staffName ? { staffName } : {}),
    reschedules: parts.reschedules,
    ...(manageUrl ? { manageUrl } : {}),
  };
}

/** The context for `booking`'s calendar file; `manageUrl` is the customer's manage link when the caller has one. */
export async function loadCalendarContext(
  storage: Storage,
  booking: Booking,
  options: { manageUrl?: string } = {},
): Promise<CalendarContext> {
  const [business, service, history, staffName] = await Promise.all([
    storage.business.get(),
    storage.catalogue.getService(serviceIdOf(booking)),
    storage.bookings.history(booking.id),
    staffNameOf(storage, booking),
  ]);
  return calendarContextOf(booking, {
    business,
    service,
    staffName,
    reschedules: history.filter((entry) => entry.action === RESCHEDULE_ACTION).length,
    ...(options.manageUrl ? { manageUrl: options.manageUrl } : {}),
  });
}
