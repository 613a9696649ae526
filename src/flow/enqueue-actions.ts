/**
 * XState's `enqueueActions`, as far as the flow uses it: `enqueue.assign` and `enqueue.emit`, same types. XState's
 * own also offers raise, sendTo, sendParent, spawnChild, stopChild and cancel, which keeps all of them in the
 * widget's bundle (about 1 KB gzip together with `setup`'s, see ../machine-setup.ts). This is the same builtin action
 * as XState's (v5: `resolve` runs `collect` with the snapshot's context and the event, and hands the queued actions
 * back to be resolved in order after it), so behaviour is unchanged. `check` and the other `enqueue.*` are absent.
 */
import { assign, emit, type AnyActorScope, type enqueueActions as xstateEnqueueActions } from 'xstate';

type Queued = ReturnType<typeof assign> | ReturnType<typeof emit>;
type Collect = (args: { context: unknown; event: unknown; enqueue: Enqueue; self: unknown; system: unknown }, params: unknown) => void;
interface Enqueue {
  (action: Queued): void;
  assign: (...args: Parameters<typeof assign>) => void;
  emit: (...args: Parameters<typeof emit>) => void;
}

function resolveEnqueued(
  actorScope: AnyActorScope,
  snapshot: unknown,
  args: { context: unknown; event: unknown },
  params: unknown,
  { collect }: { collect: Collect },
): [unknown, undefined, Queued[]] {
  const actions: Queued[] = [];
  const enqueue: Enqueue = Object.assign((action: Queued) => void actions.push(action), {
    assign: (...a: Parameters<typeof assign>) => void actions.push(assign(...a)),
    emit: (...a: Parameters<typeof emit>) => void actions.push(emit(...a)),
  });
  collect({ context: args.context, event: args.event, enqueue, self: actorScope.self, system: actorScope.system }, params);
  return [snapshot, undefined, actions];
}

function enqueueAssignEmit(collect: Collect) {
  // A builtin action: XState calls its `resolve`, never the function itself.
  const action = () => {};
  return Object.assign(action, { type: 'xstate.enqueueActions', collect, resolve: resolveEnqueued });
}

export const enqueueActions = enqueueAssignEmit as unknown as typeof xstateEnqueueActions;
