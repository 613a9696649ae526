/**
 * The catalogue requests the classic loader (src/classic-loader.ts) sends while the widget's entry is on its way,
 * handed over under `Symbol.for('booking-widget.prefetch')`, one per API base and taken once. The client reads
 * them through its `fetch` option, so their answers are decoded, checked and retried as any other.
 * The services list's ETag is mirrored in localStorage, which the loader can read at once (IndexedDB cannot be
 * read before the request must leave); the copy it stands for stays in IndexedDB (src/flow/catalogue-feed.ts).
 */
const HANDOFF = Symbol.for('booking-widget.prefetch');
const LIST_PATH = '/bookings/v2/services/query';
const PROPS_PATH = '/site-properties/v4/properties';

export interface Prefetched {
  /** The `If-None-Match` the list request carried (null: none). */
  etag: string | null;
  list: Promise<Response>;
  props: Promise<Response>;
  /** Both answers' bodies, set by the loader once both answered 200 (and decoded): usable without waiting. */
  answered?: { etag: string | null; list: unknown; props: unknown };
}

/** The loader's requests for `apiBase`, if it sent them and no widget took them yet. */
export function takePrefetched(apiBase: string): Prefetched | undefined {
  const all = (globalThis as Record<symbol, Record<string, Prefetched> | undefined>)[HANDOFF];
  const mine = all?.[apiBase];
  if (mine) delete all[apiBase];
  return mine;
}

/** A `fetch` that answers the first list query and the first site-properties read from `prefetched`. */
export function prefetchingFetch(prefetched: Prefetched): typeof fetch {
  let list: Promise<Response> | undefined = prefetched.list;
  let props: Promise<Response> | undefined = prefetched.props;
  return (input, init) => {
    const url = String(input);
    let answer: Promise<Response> | undefined;
    if (url.endsWith(LIST_PATH) && init?.method === 'POST') [answer, list] = [list, undefined];
    else if (url.endsWith(PROPS_PATH)) [answer, props] = [props, undefined];
    return answer ?? globalThis.fetch(input, init);
  };
}

const etagKey = (apiBase: string): string => `booking-widget.etag ${apiBase}`;

/** The services list's ETag as last stored for `apiBase` (undefined: none, or storage is blocked). */
export function mirroredEtag(apiBase: string): string | undefined {
  try {
    return localStorage.getItem(etagKey(apiBase)) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Keeps (or drops) the ETag of the copy just stored in IndexedDB. */
export function mirrorEtag(apiBase: string, etag: string | undefined): void {
  try {
    if (etag) localStorage.setItem(etagKey(apiBase), etag);
    else localStorage.removeItem(etagKey(apiBase));
  } catch {
    // storage blocked: the next visit asks without an ETag
  }
}
