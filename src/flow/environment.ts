/**
 * Everything the flow needs from the outside world, wired once per API server: the typed client, the
 * customer's session, the IndexedDB store, and the flow machine bound to them. The root element asks this for
 * a running flow and never touches the client or the store itself.
 */
import { createActor, type Actor, type Snapshot } from 'xstate';
import { createWidgetClient, type WidgetClient } from '../api/client.js';
import { widgetStore } from '../store/index.js';
import { createFlowActors } from './actors.js';
import type { ManageCallsLoader } from './manage-actors.js';
import { flowMachine } from './flow-machine.js';
import { loadSavedFlow, persistFlow, type SavedFlow } from './persistence.js';
import type { CatalogueFeed } from './catalogue-feed.js';
import { createSession } from './session.js';
import type { FlowInput } from './types.js';

export type FlowActor = Actor<typeof flowMachine>;

export interface FlowEnvironmentOptions {
  /** The bookings API's origin (and path prefix), without a trailing slash. */
  apiBase: string;
  clientId: string;
  /** The catalogue source the widget painted its first step from, so the flow starts from the same list. */
  catalogue?: CatalogueFeed | undefined;
  /** Fetches the my-bookings and manage calls, which the booking path does not need (./manage-actors.ts). */
  manageCalls: ManageCallsLoader;
}

export type { SavedFlow } from './persistence.js';

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

export function createFlowEnvironment({ apiBase, clientId, catalogue, manageCalls }: FlowEnvironmentOptions): FlowEnvironment {
  const store = widgetStore();
  // The session asks the client only later (to refresh a token), after both exist.
  const session = createSession({ apiBase, clientId, store, client: () => client });
  const client: WidgetClient = createWidgetClient({ apiBase, token: () => session.token() });
  const machine = flowMachine.provide({ actors: createFlowActors({ client, session, store, catalogue, manageCalls }) });

  return {
    load: (key, options) => loadSavedFlow(key, options, store),

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
