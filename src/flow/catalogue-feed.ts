/**
 * The catalogue for one API server, fast on a repeat visit: the copy kept in IndexedDB (with the list's ETag)
 * is handed out at once, while the network is asked again with `If-None-Match`. A 304 keeps the copy; a new
 * answer replaces it, in storage and on screen (`onChange`), so a service that is gone disappears from the list.
 * Nothing is ever booked from the copy alone: creating a booking is validated by the server.
 * XState-free on purpose: the widget's first script paints the service step from this before the flow loads.
 */
import { createWidgetClient, type WidgetClient } from '../api/client.js';
import { widgetStore, type CachedCatalogue, type WidgetStore } from '../store/index.js';
import { withRetry } from './retry.js';
import { mirrorEtag, mirroredEtag, prefetchingFetch, takePrefetched } from './prefetch.js';
import type { Catalogue } from './types.js';

export interface CatalogueFeed {
  /** The newest catalogue known: the network's once it answered, else the stored copy, else the network's when it comes. */
  current(): Promise<Catalogue>;
  /** The catalogue `current()` would give, if it is at hand already (the loader's decoded answers). */
  now(): Catalogue | undefined;
  /** Calls `listener` whenever the network's answer differs from the catalogue handed out before it. */
  onChange(listener: (catalogue: Catalogue) => void): () => void;
  /** Asks the network again (Try again after a failure). */
  refresh(): Promise<Catalogue>;
}

export interface CatalogueFeedOptions {
  /** The bookings API's origin (and path prefix), without a trailing slash: the cache's key. */
  apiBase: string;
  client?: WidgetClient;
  store?: WidgetStore;
}

const QUERY = { paging: { limit: 100 } };

type ListAnswer = Awaited<ReturnType<WidgetClient['services']['queryServicesIfChanged']>>;
type ListBody = Extract<ListAnswer, { notModified: false }>['body'];
type PropsAnswer = Awaited<ReturnType<WidgetClient['services']['getSiteProperties']>>;

/** What the widget shows of a services list: visible services that can be booked online. */
export function catalogueOf(services: CachedCatalogue['services'], business: Catalogue['business']): Catalogue {
  return { services: services.filter((s) => !s.hidden && s.onlineBooking.enabled !== false), business };
}

export function catalogueFeed({ apiBase, client, store = widgetStore() }: CatalogueFeedOptions): CatalogueFeed {
  // The classic loader may have asked already (src/flow/prefetch.ts); its answers are this client's first ones.
  const prefetched = client ? undefined : takePrefetched(apiBase);
  const api = client ?? createWidgetClient({ apiBase, ...(prefetched && { fetch: prefetchingFetch(prefetched) }) });
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

  /**
   * Asks the network, never waiting for IndexedDB first: the ETag comes from its localStorage mirror (or the
   * loader's request). A 304 is only trusted when the stored copy has that ETag; otherwise the list is asked again.
   */
  async function network(notify: boolean, etag: string | undefined): Promise<Catalogue> {
    const [list, props] = await Promise.all([
      withRetry(() => api.services.queryServicesIfChanged(QUERY, etag)),
      withRetry(() => api.services.getSiteProperties()).catch(() => undefined), // optional: the zone switch hides
    ]);
    // The stored copy matters only for a 304 or a missing business; otherwise the answer does not wait for it.
    const before = kept ?? (list.notModified || !props ? await stored : undefined);
    if (list.notModified && (!etag || before?.etag !== etag)) return network(notify, undefined);
    return settle(list, props, before, notify);
  }

  /** The network's answers (a 304 only with the stored copy it stands for) as the catalogue, kept and stored. */
  function settle(list: ListAnswer, props: PropsAnswer | undefined, before: CachedCatalogue | undefined, notify: boolean): Catalogue {
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
    const changed = JSON.stringify({ ...kept, savedAt: '' }) !== JSON.stringify({ ...next, savedAt: '' });
    // Best effort: storage trouble never blocks the list. The ETag's mirror follows the copy it stands for.
    void (changed ? store.saveCatalogue(next) : Promise.resolve()).then(
      () => mirrorEtag(apiBase, next.etag),
      () => undefined,
    );
    kept = next;
    const catalogue = catalogueOf(services, business);
    take(catalogue, notify);
    return catalogue;
  }

  // The loader's answers may be decoded already: then the first render shows the cards, with no wait at all.
  const answered = prefetched?.answered;
  const fromNetwork = answered
    ? Promise.resolve(
        settle(
          { notModified: false, body: answered.list as ListBody, etag: answered.etag ?? undefined },
          answered.props as PropsAnswer,
          undefined,
          true,
        ),
      )
    : network(true, prefetched ? (prefetched.etag ?? undefined) : mirroredEtag(apiBase));
  const fromStorage = stored.then((copy) => {
    kept ??= copy;
    if (copy && !latest) take(catalogueOf(copy.services, copy.business), false);
    return latest?.catalogue;
  });
  // Whichever comes first: the stored copy (never held back by the network) or the network's answer.
  const first = new Promise<Catalogue>((resolve, reject) => {
    void fromStorage.then((catalogue) => catalogue && resolve(catalogue));
    fromNetwork.then(resolve, (error: unknown) => void fromStorage.then((catalogue) => (catalogue ? resolve(catalogue) : reject(error))));
  });
  fromNetwork.catch(() => undefined); // with a stored copy, a failed revalidation leaves the copy on screen

  return {
    current: () => (latest ? Promise.resolve(latest.catalogue) : first),
    now: () => latest?.catalogue,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh: () => network(true, kept ? kept.etag : mirroredEtag(apiBase)),
  };
}
