/**
 * The request log: what it writes about a request, with every token taken out. Tokens travel in URLs where a
 * header cannot carry them (EventSource's `?access_token=`, anonymous booking links `/v1/anonymous-bookings/…`, calendar feeds `/calendar/v1/feeds/{secret}.ics`).
 */
import type { FastifyServerOptions } from 'fastify';
import type { Writable } from 'node:stream';

const SECRET_QUERY = /([?&](?:access_token|refresh_token|token|secret|key)=)[^&#]*/gi;
// `/v1/anonymous-bookings/{token}[/…]`, with or without Wix's `/_api/…` prefix; `{bookingId}/token` keeps its id.
const ANONYMOUS_TOKEN_PATH = /(\/v1\/anonymous-bookings\/)([^/?#]+)(?=\/(?:cancel|reschedule|events|calendar\.ics)|[?#]|$)/;
// `/calendar/v1/feeds/{secret}.ics`: the secret is the feed's only credential.
const FEED_SECRET_PATH = /(\/calendar\/v1\/feeds\/)([^/?#]+)(?=\.ics)/;

/** The URL as it may be logged: secrets in the query and anonymous-booking tokens in the path replaced. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY, '$1[redacted]').replace(ANONYMOUS_TOKEN_PATH, '$1[redacted]').replace(FEED_SECRET_PATH, '$1[redacted]');
}

export type LogOption = boolean | { stream: Writable };

export function loggerOptions(option: LogOption | undefined): FastifyServerOptions['logger'] {
  if (!option) return false;
  return {
    level: 'info',
    ...(option === true ? {} : { stream: option.stream }),
    // Never the Authorization header, never a token in the URL.
    serializers: {
      req: (request: { method: string; url: string; ip?: string }) => ({
        method: request.method,
        url: redactUrl(request.url),
        remoteAddress: request.ip,
      }),
    },
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  };
}
