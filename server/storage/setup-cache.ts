/**
 * Values derived from the business's setup (the catalogue answer, a service's facts, schedules), kept until the
 * setup changes. Every setup write raises `storage.setupVersion()`; the first read after it drops every entry, so
 * invalidation is explicit and total: an owner's edit, a seed or a test writing the storage directly is seen at
 * once. A load that a write overtakes is stored under the old version and dropped on the next read.
 * Cached values are shared between requests: callers must treat them as read-only.
 */
import type { Storage } from './types.js';

export class SetupCache<K, V> {
  private version = -1;
  private readonly entries = new Map<K, Promise<V>>();

  constructor(
    private readonly storage: Pick<Storage, 'setupVersion'>,
    /** Keys kept at most; past it the oldest goes (a bound, not a tuning knob: keys are few per business). */
    private readonly maxEntries = 500,
  ) {}

  get(key: K, load: () => Promise<V>): Promise<V> {
    const version = this.storage.setupVersion();
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const hit = this.entries.get(key);
    if (hit) return hit;
    const loading = load();
    this.entries.set(key, loading);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
    // A failed load is not remembered: the next read tries again.
    loading.catch(() => {
      if (this.entries.get(key) === loading) this.entries.delete(key);
    });
    return loading;
  }
}
