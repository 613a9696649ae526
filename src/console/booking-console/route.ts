/**
 * The console's address: `#view` or `#view/param` (`#booking/<id>`), so a view can be bookmarked, shared between
 * two owners and reopened after a reload. Parsing is total: anything unknown falls back to the default view.
 */
export interface Route {
  view: string;
  /** What the view shows, when it shows one thing (a booking's id, a customer's id); decoded. */
  param: string | undefined;
}

export function parseRoute(hash: string): Route {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const slash = raw.indexOf('/');
  const view = slash < 0 ? raw : raw.slice(0, slash);
  const rest = slash < 0 ? '' : raw.slice(slash + 1);
  let param: string | undefined;
  try {
    param = rest ? decodeURIComponent(rest) : undefined;
  } catch {
    param = undefined; // a malformed escape in a hand-edited address: show the view without it
  }
  return { view, param };
}

/** The fragment for a view (and its one thing); what links and `navigate` use. */
export function routeHref(view: string, param?: string): string {
  return param === undefined ? `#${view}` : `#${view}/${encodeURIComponent(param)}`;
}
