/**
 * Which chunk defines each step's element. The first script holds the service step; the flow chunk the rest of
 * the booking path; the steps the booking path never needs come in chunks of their own, which the flow chunk
 * names when it arrives (./late-chunks.ts): their `import()`s live in it, so the build keeps what they share with
 * it there, rather than in a further chunk that the booking path would have to fetch too.
 */
import type { Step } from '../../flow/types.js';
import { Chunk } from './chunk.js';

/** The later steps' chunks, as the flow chunk names them once it is here. */
let late: Partial<Record<Step, Chunk<unknown>>> = {};

/** XState, the flow machine and every step of the booking path after the service list: needed from the first choice. */
export const flowChunk = new Chunk(() =>
  import('./flow-chunk.js').then((flow) => {
    late = flow.lateChunks;
    return flow;
  }),
);

/** The chunk that defines a step's element (a later step's needs the flow chunk first); none for the service step. */
export function chunkFor(step: Step): Chunk<unknown> | undefined {
  return step === 'service' ? undefined : (late[step] ?? flowChunk);
}
