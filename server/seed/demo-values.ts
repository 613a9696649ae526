/** Small helpers every part of the demo seed shares: fresh ids, dollar amounts, and the seeding moment. */
import type { Temporal } from 'temporal-polyfill';
import type { Storage } from '../storage/types.js';
import type { Money } from '../../src/model/common.js';

export const DEMO_TIME_ZONE = 'America/New_York';

export const usd = (value: string): Money => ({ value, currency: 'USD' });
export const id = (): string => crypto.randomUUID();

/** What each part of the seed writes with: the storage, the business, and "now" (injectable for tests). */
export interface SeedContext {
  storage: Storage;
  businessId: string;
  now: Temporal.Instant;
  /** `now` as an RFC 3339 timestamp. */
  stamp: string;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
