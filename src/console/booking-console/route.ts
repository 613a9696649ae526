/**
 * The console's address: `#view`, `#view/param` (`#booking/<id>`) and either with `?name=value&…` (a view's
 * filters: `#bookings?status=CONFIRMED&q=priya`), so a view can be bookmarked, shared between two owners and
 * reopened after a reload. Parsing is total: anything unknown falls back to the default view.
 */
export interface Route {
  view: string;
  /** What the view shows, when it shows one thing (a booking's id, a customer's id); decoded. */
  param: string | undefined;
  /** The view's own settings from after `?` (filters), decoded; empty when there are none. */
  query: Readonly<Record<string, string>>;
}

export function parseRoute(hash: string): Route {
  const full = hash.startsWith('#') ? hash.slice(1) : hash;
  const mark = full.indexOf('?');
  const raw = mark < 0 ? full : full.slice(0, mark);
  const query = Object.fromEntries(new URLSearchParams(mark < 0 ? '' : full.slice(mark + 1)));
  const slash = raw.indexOf('/');
  const view = slash < 0 ? raw : raw.slice(0, slash);
  const rest = slash < 0 ? '' : raw.slice(slash + 1);
  let param: string | undefined;
  try {
    param = rest ? decodeURIComponent(rest) : undefined;
  } catch {
    param = undefined; // a malformed escape in a hand-edited address: show the view without it
  }
  return { view, param, query };
}

/** The fragment for a view (and its one thing, and its settings); what links and `navigate` use. */
export function routeHref(view: string, param?: string, query: Readonly<Record<string, string>> = {}): string {
  const path = param === undefined ? `#${view}` : `#${view}/${encodeURIComponent(param)}`;
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}
