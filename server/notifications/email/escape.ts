/**
 * HTML escaping for every value an email interpolates (names, notes, service titles, addresses, links): the
 * five characters that can end a text node or an attribute value, so hostile input stays text.
 */
const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string | number | undefined | null): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A link for an `href`: only http(s) and mailto survive; anything else (javascript:, data:) becomes `#`. */
export function safeHref(url: string): string {
  return /^(https?:|mailto:)/i.test(url.trim()) ? escapeHtml(url.trim()) : '#';
}
