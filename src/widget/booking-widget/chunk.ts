/**
 * The widget's lazily loaded parts. `import()` resolves a chunk against the module that imports it, so every
 * chunk comes from the origin (and folder) the widget's script came from, whatever page embeds it. Each chunk is
 * loaded once per page and shared by every widget on it; a failed load (offline) can be tried again.
 */
export type ChunkState = 'idle' | 'loading' | 'failed' | 'ready';

export class Chunk<M> {
  state: ChunkState = 'idle';
  /** The module once it is here, for a view that renders from it synchronously. */
  loaded: M | undefined;
  private loading: Promise<M> | undefined;

  constructor(private readonly importer: () => Promise<M>) {}

  /** The chunk's module; one request however often it is asked for, again after a failure. */
  load(): Promise<M> {
    this.loading ??= this.importer().then(
      (module) => {
        this.state = 'ready';
        this.loaded = module;
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
}
