/** Small reads and checks every console view's controller shares: the studio's zone, and a 401's meaning. */
import type { BookingClient } from '../../api/client.js';
import { BookingApiError } from '../../api/errors.js';

/** The studio's zone (times are shown in it); undefined when unknown: the browser's then, each time still names it. */
export async function studioZone(client: BookingClient): Promise<string | undefined> {
  try {
    return (await client.services.getSiteProperties()).properties.timeZone;
  } catch {
    return undefined;
  }
}

/** The server no longer takes the token (401): the console signs out. */
export const isUnauthorized = (error: unknown): boolean => error instanceof BookingApiError && error.status === 401;
