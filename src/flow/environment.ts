/**
 * Everything the flow needs from the outside world, wired once per API server: the typed client, the
 * customer's session, the IndexedDB store, and the flow machine bound to them. The root element asks this for
 * a running flow and never touches the client or the store itself.
 */
import { createActor, type Actor, type Snapshot } from 'xstate';
import { createClient, type BookingClient } from '../api/client.js';
import type { ContactDetails } from '../model/booking.js';
import { widgetStore } from '../store/index.js';
import { createFlowActors } from './actors.js';
import { flowMachine } from './flow-machine.js';
import { loadPersistedFlow, persistFlow } from './persistence.js';
import { createSession } from './session.js';
import type { FlowInput } from './types.js';

export type FlowActor = Actor<typeof flowMachine>;

export interface FlowEnvironmentOptions {
  /** The bookings API's origin (and path prefix), without a trailing slash. */
  apiBase: string;
  clientId: string;
}

/** What storage holds for one widget when it starts. */
export interface SavedFlow {
  /** The interrupted flow, when there is one this version can resume. */
  snapshot: Snapshot<unknown> | undefined;
  /** The contact details of a visitor who asked to be remembered. */
  visitor: ContactDetails | undefined;
}

/** A started flow that saves every change; `stop` ends both and returns the flow as it was, to park it. */
export interface RunningFlow {
  actor: FlowActor;
  stop(): Snapshot<unknown>;
}

export interface FlowEnvironment {
  /** Reads what was saved under `key`; the interrupted flow only when asked to `resume` it. */
  load(key: string, options: { resume: boolean }): Promise<SavedFlow>;
  /** Starts the flow from `snapshot` when it is readable, else at the first step, and saves it under `key`. */
  start(key: string, input: FlowInput, snapshot: Snapshot<unknown> | undefined): RunningFlow;
  /** Forgets the interrupted flow saved under `key`. */
  forget(key: string): Promise<void>;
}

export function createFlowEnvironment({ apiBase, clientId }: FlowEnvironmentOptions): FlowEnvironment {
  const store = widgetStore();
  // The session asks the client only later (to refresh a token), after both exist.
  const session = createSession({ apiBase, clientId, store, client: () => client });
  const client: BookingClient = createClient({ apiBase, token: () => session.token() });
  const machine = flowMachine.provide({ actors: createFlowActors({ client, session, store }) });

  return {
    async load(key, { resume }) {
      const [snapshot, visitor] = await Promise.all([
        resume ? loadPersistedFlow(store, key) : undefined,
        store.loadVisitor().catch(() => undefined),
      ]);
      return { snapshot, visitor: visitor?.contactDetails };
    },

    start(key, input, snapshot) {
      let actor: FlowActor;
      try {
        actor = createActor(machine, { input, ...(snapshot ? { snapshot } : {}) });
        actor.start();
      } catch {
        actor = createActor(machine, { input }); // a snapshot this version cannot read: start over
        actor.start();
      }
      const stopSaving = persistFlow(actor, store, key);
      return {
        actor,
        stop() {
          const parked = actor.getPersistedSnapshot();
          stopSaving();
          actor.stop();
          return parked;
        },
      };
    },

    forget: (key) => store.clearFlow(key).catch(() => undefined),
  };
}
