/**
 * The catalogue for one API server, fast on a repeat visit: the copy kept in IndexedDB (with the list's ETag)
 * is handed out at once, while the network is asked again with `If-None-Match`. A 304 keeps the copy; a new
 * answer replaces it, in storage and on screen (`onChange`), so a service that is gone disappears from the list.
 * Nothing is ever booked from the copy alone: creating a booking is validated by the server.
 * XState-free on purpose: the widget's first script paints the service step from this before the flow loads.
 */
import { createClient, type BookingClient } from '../api/client.js';
import { widgetStore, type CachedCatalogue, type WidgetStore } from '../store/index.js';
import { withRetry } from './retry.js';
import type { Catalogue } from './types.js';

export interface CatalogueFeed {
  /** The newest catalogue known: the network's once it answered, else the stored copy, else the network's when it comes. */
  current(): Promise<Catalogue>;
  /** Calls `listener` whenever the network's answer differs from the catalogue handed out before it. */
  onChange(listener: (catalogue: Catalogue) => void): () => void;
  /** Asks the network again (Try again after a failure). */
  refresh(): Promise<Catalogue>;
}

export interface CatalogueFeedOptions {
  /** The bookings API's origin (and path prefix), without a trailing slash: the cache's key. */
  apiBase: string;
  client?: BookingClient;
  store?: WidgetStore;
  /** How long the network read waits for the stored ETag (a slow IndexedDB must not hold the list back). */
  cacheWaitMs?: number;
}

const QUERY = { paging: { limit: 100 } };

/** What the widget shows of a services list: visible services that can be booked online. */
export function catalogueOf(services: CachedCatalogue['services'], business: Catalogue['business']): Catalogue {
  return { services: services.filter((s) => !s.hidden && s.onlineBooking.enabled !== false), business };
}

const within = <T>(promise: Promise<T>, ms: number): Promise<T | undefined> =>
  Promise.race([promise, new Promise<undefined>((resolve) => setTimeout(resolve, ms))]);

export function catalogueFeed({ apiBase, client, store = widgetStore(), cacheWaitMs = 300 }: CatalogueFeedOptions): CatalogueFeed {
  const api = client ?? createClient({ apiBase });
  const listeners = new Set<(catalogue: Catalogue) => void>();
  const stored = store.loadCatalogue(apiBase).catch(() => undefined);
  let kept: CachedCatalogue | undefined; // what storage holds (or will hold) for apiBase
  let latest: { catalogue: Catalogue; json: string } | undefined;

  function take(catalogue: Catalogue, notify: boolean): void {
    const json = JSON.stringify(catalogue);
    const changed = latest !== undefined && latest.json !== json;
    latest = { catalogue, json };
    if (changed && notify) for (const listener of listeners) listener(catalogue);
  }

  async function network(notify: boolean): Promise<Catalogue> {
    const before = kept ?? (await within(stored, cacheWaitMs));
    const [list, props] = await Promise.all([
      withRetry(() => api.services.queryServicesIfChanged(QUERY, before?.etag)),
      withRetry(() => api.services.getSiteProperties()).catch(() => undefined), // optional: the zone switch hides
    ]);
    const p = props?.properties;
    const business = p ? { name: p.siteDisplayName, timeZone: p.timeZone, currency: p.paymentCurrency } : before?.business;
    const services = list.notModified && before ? before.services : list.notModified ? [] : list.body.services;
    const next: CachedCatalogue = {
      apiBase,
      etag: list.notModified ? before?.etag : list.etag,
      services,
      business,
      savedAt: new Date().toISOString(),
    };
    if (JSON.stringify({ ...kept, savedAt: '' }) !== JSON.stringify({ ...next, savedAt: '' })) {
      void store.saveCatalogue(next).catch(() => undefined); // best effort: storage trouble never blocks the list
    }
    kept = next;
    const catalogue = catalogueOf(services, business);
    take(catalogue, notify);
    return catalogue;
  }

  const fromNetwork = network(true);
  const fromStorage = stored.then((copy) => {
    kept ??= copy;
    if (copy && !latest) take(catalogueOf(copy.services, copy.business), false);
    return latest?.catalogue;
  });
  // The stored copy when there is one (unless the network was faster); without one, wait for the network.
  const first = fromStorage.then((catalogue) => catalogue ?? fromNetwork);
  fromNetwork.catch(() => undefined); // with a stored copy, a failed revalidation leaves the copy on screen

  return {
    current: () => (latest ? Promise.resolve(latest.catalogue) : first),
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh: () => network(true),
  };
}
