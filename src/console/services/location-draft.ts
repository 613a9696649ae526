/**
 * Where a service takes place, as the form edits it: one choice (`location`: '' not said, `BUSINESS:<id>` one of
 * the business's places found on its services, `CUSTOMER` at the customer's place, `CUSTOM` another address typed in
 * `locationAddress`) and back as the `locations` the server takes.
 */
import type { ServiceLocation } from '../../model/service.js';

export interface LocationDraft {
  location: string;
  locationAddress: string;
}

/** The business's places named on any service, once each (the API has no list of them). */
export function knownPlaces(locations: readonly ServiceLocation[]): ServiceLocation[] {
  const byId = new Map<string, ServiceLocation>();
  for (const l of locations) if (l.type === 'BUSINESS' && l.business && !byId.has(l.business.id)) byId.set(l.business.id, l);
  return [...byId.values()];
}

export function locationDraftOf(locations: readonly ServiceLocation[]): LocationDraft {
  const l = locations[0];
  if (!l) return { location: '', locationAddress: '' };
  if (l.type === 'BUSINESS') return { location: `BUSINESS:${l.business?.id ?? ''}`, locationAddress: '' };
  if (l.type === 'CUSTOM') return { location: 'CUSTOM', locationAddress: l.custom?.address?.formattedAddress ?? '' };
  return { location: 'CUSTOMER', locationAddress: '' };
}

/** The `locations` to send; a business place is sent as it was read (id, name, address). */
export function locationsInput(d: LocationDraft, places: readonly ServiceLocation[]): ServiceLocation[] {
  if (d.location === 'CUSTOMER') return [{ type: 'CUSTOMER' }];
  if (d.location === 'CUSTOM') return [{ type: 'CUSTOM', custom: { address: { formattedAddress: d.locationAddress.trim() } } }];
  const place = places.find((p) => `BUSINESS:${p.business?.id}` === d.location)?.business;
  if (!place) return [];
  const address = place.address?.formattedAddress;
  return [
    { type: 'BUSINESS', business: { id: place.id, name: place.name, ...(address ? { address: { formattedAddress: address } } : {}) } },
  ];
}
