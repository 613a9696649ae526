/**
 * The key a widget's flow is saved under: stable across reloads, distinct for several widgets on one page
 * (its `id` when it has one, else its position among the page's widgets), and per API server and service.
 */
export function instanceKey(el: HTMLElement, parts: { apiBase: string; serviceId: string; categoryId: string }): string {
  const all = [...document.querySelectorAll('booking-widget')];
  const which = el.id ? `#${el.id}` : String(Math.max(0, all.indexOf(el as never)));
  return [parts.apiBase, location.pathname, which, parts.serviceId, parts.categoryId].join('|');
}
