/**
 * Saves the flow after every change (the persisted snapshot, the remembered visitor) and restores it on load.
 * Writes are chained so an older snapshot can never land after a newer one.
 */
import type { Actor, Snapshot } from 'xstate';
import type { ContactDetails } from '../model/booking.js';
import { widgetStore, type WidgetStore } from '../store/index.js';
import { FLOW_VERSION } from './context.js';
import type { flowMachine } from './flow-machine.js';
import type { FlowContext } from './types.js';

type FlowActor = Actor<typeof flowMachine>;

/** A persisted snapshot we can resume, or undefined (none, another version, or finished with an error). */
export async function loadPersistedFlow(store: WidgetStore, key: string): Promise<Snapshot<unknown> | undefined> {
  try {
    const saved = await store.loadFlow(key);
    const snap = saved?.snapshot as { status?: string; context?: Partial<FlowContext> } | undefined;
    if (!snap || snap.status !== 'active' || snap.context?.version !== FLOW_VERSION) return undefined;
    // My bookings and a manage link show the server's rows as they were: a reload starts afresh rather than show them stale.
    if (snap.context.managed) return undefined;
    return saved?.snapshot as Snapshot<unknown>;
  } catch {
    return undefined;
  }
}

/** What storage holds for one widget when it starts. */
export interface SavedFlow {
  /** The interrupted flow, when there is one this version can resume. */
  snapshot: Snapshot<unknown> | undefined;
  /** The contact details of a visitor who asked to be remembered. */
  visitor: ContactDetails | undefined;
}

/** Reads what was saved under `key`; the interrupted flow only when asked to `resume` it. XState-free. */
export async function loadSavedFlow(key: string, { resume }: { resume: boolean }, store = widgetStore()): Promise<SavedFlow> {
  const [snapshot, visitor] = await Promise.all([
    resume ? loadPersistedFlow(store, key) : undefined,
    store.loadVisitor().catch(() => undefined),
  ]);
  return { snapshot, visitor: visitor?.contactDetails };
}

/** Forgets the interrupted flow saved under `key`. */
export const forgetSavedFlow = (key: string, store = widgetStore()): Promise<void> => store.clearFlow(key).catch(() => undefined);

/** Starts saving; returns the function that stops (and flushes nothing further). */
export function persistFlow(actor: FlowActor, store: WidgetStore, key: string): () => void {
  let chain: Promise<unknown> = Promise.resolve();
  let lastJson = '';
  let remembered: string | undefined;
  const sub = actor.subscribe((snapshot) => {
    const persisted = actor.getPersistedSnapshot();
    const json = JSON.stringify(persisted);
    if (json === lastJson) return;
    lastJson = json;
    const ctx = snapshot.context;
    const visitor = ctx.remember && ctx.details.email ? JSON.stringify(ctx.details) : '';
    chain = chain
      .then(() => store.saveFlow(key, JSON.parse(json)))
      .then(() => {
        if (visitor === remembered) return;
        remembered = visitor;
        // Remembered only with the customer's consent; unticking the box forgets them.
        if (visitor) return store.saveVisitor(ctx.details);
        if (snapshot.matches('review')) return store.forgetVisitor();
        return undefined;
      })
      .catch(() => undefined); // storage trouble never breaks a booking
  });
  return () => sub.unsubscribe();
}
