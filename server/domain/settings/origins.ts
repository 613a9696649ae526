/**
 * The widget's allowed origins (extension): who may call the API from a browser. An origin is `https://host[:port]`,
 * or `http://` for a local development host (localhost, 127.0.0.1, [::1]); no path, query or credentials. Stored
 * in the URL's own normal form (`url.origin`: lower-case host, default port dropped), which is what browsers send.
 */
import { ValidationError } from '../errors.js';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);
export const MAX_ALLOWED_ORIGINS = 50;

/** `text` as an origin, or a ValidationError naming `field` and saying what to send. */
export function checkOrigin(text: string, field: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw ValidationError.field(field, 'must be an origin such as https://www.example.com');
  }
  const local = LOCAL_HOSTS.has(url.hostname) || url.hostname.endsWith('.localhost');
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local))
    throw ValidationError.field(field, 'must start with https:// (http:// only for localhost)');
  if (url.username || url.password || url.search || url.hash || !/^https?:\/\/[^/]+\/?$/.test(text.trim()))
    throw ValidationError.field(field, 'must be only the scheme, host and port, with no path, such as https://www.example.com');
  return url.origin;
}

/** Each origin checked and normalised, duplicates dropped, in the order given. */
export function checkOrigins(list: readonly string[], field: string): string[] {
  if (list.length > MAX_ALLOWED_ORIGINS) throw ValidationError.field(field, `may hold at most ${MAX_ALLOWED_ORIGINS} origins`);
  return [...new Set(list.map((o, i) => checkOrigin(o, `${field}[${i}]`)))];
}
