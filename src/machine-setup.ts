/**
 * XState's `setup`, as far as our machines use it: `createMachine` and `createStateConfig`, with the same types.
 * XState's own `setup` also hands back every action creator (sendTo, raise, log, emit, enqueueActions, spawnChild,
 * …) as properties, which keeps all of them in the widget's bundle whether used or not; this one does exactly what
 * its `createMachine` does (`createMachine({ ...config, schemas }, { actors, actions, guards, delays })`) and
 * nothing else, so only the action creators a machine imports are bundled. Import action creators from 'xstate';
 * the other properties of the returned object (assign, extend, …) are absent at run time.
 */
import { createMachine, type setup as xstateSetup } from 'xstate';

interface Implementations {
  schemas?: unknown;
  actors?: unknown;
  actions?: unknown;
  guards?: unknown;
  delays?: unknown;
}

function leanSetup({ schemas, actors, actions, guards, delays }: Implementations) {
  return {
    createStateConfig: <T>(config: T): T => config,
    createMachine: (config: object) => createMachine({ ...config, schemas } as never, { actors, actions, guards, delays } as never),
  };
}

export const setup = leanSetup as unknown as typeof xstateSetup;
