/**
 * Params mappers for invoke results: `{ type: 'showSlots', params: outputOf }` hands a named action the
 * actor's typed output, so actions take plain values and never read (or cast) the event themselves.
 */
import { toFlowError } from './retry.js';
import type { FlowError } from './types.js';

export const outputOf = <T>({ event }: { event: { output: T } }): T => event.output;

export const errorOf = ({ event }: { event: { error: unknown } }): unknown => event.error;

/** The error an actor failed with, as the flow shows it. */
export const flowErrorOf = ({ event }: { event: { error: unknown } }): FlowError => toFlowError(event.error);

/** A state's `showError` action with the actor's error: the flow shows it and the host hears it. */
export const showError = { type: 'showError', params: flowErrorOf } as const;
