/**
 * Typed stand-ins for the machines' actors: `setup` declares each actor's input and output through them, and
 * `provide` swaps in the real ones (`createFlowActors`) or a test's fakes. Running one fails loudly, naming it.
 */
import {
  fromCallback,
  fromPromise,
  type CallbackActorLogic,
  type EventObject,
  type NonReducibleUnknown,
  type PromiseActorLogic,
} from 'xstate';

const missing = (name: string) => new Error(`flow actor "${name}" was not provided`);

export function notProvided<TOutput, TInput = NonReducibleUnknown>(name: string): PromiseActorLogic<TOutput, TInput> {
  return fromPromise<TOutput, TInput>(async () => {
    throw missing(name);
  });
}

export function callbackNotProvided<TEvent extends EventObject, TInput>(name: string): CallbackActorLogic<TEvent, TInput> {
  return fromCallback<TEvent, TInput>(() => {
    throw missing(name);
  });
}
