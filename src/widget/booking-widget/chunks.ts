/**
 * The widget's lazily loaded parts. `import()` resolves a chunk against the module that imports it, so every
 * chunk comes from the origin (and folder) the widget's script came from, whatever page embeds it. Each chunk is
 * loaded once per page and shared by every widget on it; a failed load (offline) can be tried again.
 */
import type { Step } from '../../flow/types.js';

export type ChunkState = 'idle' | 'loading' | 'failed' | 'ready';

export class Chunk<M> {
  state: ChunkState = 'idle';
  private loading: Promise<M> | undefined;

  constructor(private readonly importer: () => Promise<M>) {}

  /** The chunk's module; one request however often it is asked for, again after a failure. */
  load(): Promise<M> {
    this.loading ??= this.importer().then(
      (module) => {
        this.state = 'ready';
        return module;
      },
      (error: unknown) => {
        this.state = 'failed';
        this.loading = undefined; // the next load() asks again
        throw error;
      },
    );
    if (this.state !== 'ready') this.state = 'loading';
    return this.loading;
  }

  /** Loads it when the browser is idle, so the step that needs it does not wait; failures stay quiet here. */
  warm(): void {
    if (this.state !== 'idle') return;
    const later = (run: () => void) =>
      'requestIdleCallback' in window ? requestIdleCallback(run, { timeout: 2000 }) : setTimeout(run, 200);
    later(() => void this.load().catch(() => undefined));
  }
}

/** XState, the flow machine and the variant and time steps: needed from the customer's first choice. */
export const flowChunk = new Chunk(() => import('./flow-chunk.js'));

/**
 * Details form, review, card entry and booking status: warmed while the customer picks a time. Imported by the
 * flow's chunk, so what both use (XState, the booking lifecycle) is in that one and never a chunk of its own.
 */
export const laterSteps = new Chunk(async () => (await flowChunk.load()).loadLaterSteps());

/** The chunk that defines a step's element, or undefined for the service step (in the first script). */
export function chunkFor(step: Step): Chunk<unknown> | undefined {
  if (step === 'service') return undefined;
  return step === 'variant' || step === 'slot' ? flowChunk : laterSteps;
}
