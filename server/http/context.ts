/** What every route plugin is given: the services (server/services.ts), the storage, the authenticator and the limits. */
import type { Storage } from '../storage/types.js';
import type { Services } from '../services.js';
import type { Authenticator } from './auth.js';
import type { RateLimitSettings } from './rate-limits.js';

export interface AppContext extends Services {
  storage: Storage;
  auth: Authenticator;
  /** "Now" for every time rule (booking policies, default ranges); tests pass a fixed clock. */
  clock: () => Date;
  /** The limits in force (docs/security.md); the live streams read their caps here. */
  limits: RateLimitSettings;
}
