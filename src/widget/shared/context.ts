/**
 * What the root element shares with its steps: the flow actor and the UI settings, through the community
 * context protocol (a bubbling, composed `context-request` event), which @lit/context also speaks, so a test can
 * provide either with its `ContextProvider`. Only what the widget uses of it, in a few lines: a step asks when it
 * is connected and is told again on every change until it is disconnected.
 */
import type { Actor } from 'xstate';
import type { flowMachine } from '../../flow/flow-machine.js';

/** A context key that carries the type of its value (a brand for the type checker only, as @lit/context's). */
export type Context<T> = symbol & { __context__: T };

export type FlowActor = Actor<typeof flowMachine>;

export const flowContext = Symbol('booking-flow') as Context<FlowActor | undefined>;

export interface UiSettings {
  locale: string;
  dir: 'ltr' | 'rtl';
}

export const uiContext = Symbol('booking-ui') as Context<UiSettings>;

type Callback<T> = (value: T, unsubscribe?: () => void) => void;

interface ContextRequest<T> extends Event {
  context: Context<T>;
  contextTarget: Element;
  callback: Callback<T>;
  subscribe: boolean;
}

/** Asks the nearest provider of `context` above `host`; `update` hears its value now and on every change. */
export function requestContext<T>(host: Element, context: Context<T>, update: (value: T) => void): () => void {
  let unsubscribe: (() => void) | undefined;
  const callback: Callback<T> = (value, unsub) => {
    if (unsub !== unsubscribe) unsubscribe?.();
    unsubscribe = unsub;
    update(value);
  };
  const request = Object.assign(new Event('context-request', { bubbles: true, composed: true }), {
    context,
    contextTarget: host,
    callback,
    subscribe: true,
  });
  host.dispatchEvent(request);
  return () => {
    unsubscribe?.();
    unsubscribe = undefined;
  };
}

/** Answers `context` requests from below `host` with `get()`; `update()` tells its subscribers a new value. */
export class ContextSource<T> {
  private readonly subscribers = new Map<Callback<T>, () => void>();
  private told: T | undefined;

  constructor(
    host: Element,
    context: Context<T>,
    private readonly get: () => T,
  ) {
    host.addEventListener('context-request', (event) => {
      const request = event as ContextRequest<T>;
      if (request.context !== context || request.contextTarget === host) return;
      event.stopPropagation();
      const unsubscribe = () => void this.subscribers.delete(request.callback);
      if (request.subscribe) this.subscribers.set(request.callback, unsubscribe);
      request.callback((this.told = get()), request.subscribe ? unsubscribe : undefined);
    });
  }

  /** Tells every subscriber the value, if it changed since they were last told. */
  update(): void {
    const value = this.get();
    if (value === this.told) return;
    this.told = value;
    for (const [callback, unsubscribe] of this.subscribers) callback(value, unsubscribe);
  }
}
