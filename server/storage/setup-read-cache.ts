/**
 * The setup's reads, remembered until the setup changes: services, variants, categories, policies, staff,
 * schedules, plans and the business are read on nearly every request (a create resolves its service, policy and
 * session; a slot query its staff and rules), yet change only when the owner edits them. `withSetupReadCache`
 * wraps a storage so those reads come from memory while `setupVersion()` stands still; every other store is the
 * storage's own. Values are deep-frozen before they are shared, so a caller that would mutate one fails loudly
 * (a TypeError in strict mode) instead of corrupting the next request's answer.
 */
import { SetupCache } from './setup-cache.js';
import type { Storage } from './types.js';

/** The read methods of each setup store that are answered from the cache. */
const CACHED_READS = {
  business: ['get'],
  catalogue: ['listCategories', 'listServices', 'getService', 'getVariantsByService', 'getVariants', 'listVariants'],
  policies: ['list', 'get', 'getDefault'],
  staff: ['list', 'get'],
  schedules: ['listRules', 'getRule', 'listCancelledOccurrences'],
  plans: ['list', 'get'],
  settings: ['get'],
} as const satisfies { [S in keyof Storage]?: readonly (keyof Storage[S])[] };

type SetupStoreName = keyof typeof CACHED_READS;

export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function cachedStore<S extends object>(store: S, methods: readonly string[], cache: SetupCache<string, unknown>, name: string): S {
  const wrapped = Object.create(store) as Record<string, unknown>;
  for (const method of methods) {
    const read = (store as Record<string, unknown>)[method];
    if (typeof read !== 'function') throw new Error(`setup-read-cache: ${name}.${method} is not a method`);
    wrapped[method] = (...args: unknown[]) =>
      cache.get(`${name}.${method}(${JSON.stringify(args)})`, async () =>
        deepFreeze(await (read as (...a: unknown[]) => Promise<unknown>).apply(store, args)),
      );
  }
  return wrapped as S;
}

export function withSetupReadCache<T extends Storage>(storage: T): T {
  const cache = new SetupCache<string, unknown>(storage, 5_000);
  const overrides: Partial<Record<SetupStoreName, unknown>> = {};
  for (const name of Object.keys(CACHED_READS) as SetupStoreName[]) {
    overrides[name] = cachedStore(storage[name], CACHED_READS[name], cache, name);
  }
  // Object.create keeps the storage's own methods (transaction, setupVersion, close) bound to their receiver.
  return Object.assign(Object.create(storage) as T, overrides);
}
