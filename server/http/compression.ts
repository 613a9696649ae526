/**
 * Compressed answers (@fastify/compress): brotli or gzip, whichever the client's Accept-Encoding prefers, for
 * compressible bodies of at least COMPRESS_THRESHOLD_BYTES (JSON lists, the demo pages); smaller ones go as they
 * are, since the headers would cost more than the saving. Files with a pre-compressed sibling arrive already
 * encoded (server/http/static-files.ts) and are left alone. Server-Sent Event streams are never touched: their
 * handler hijacks the reply (no onSend hook runs) and the plugin's default types leave out `text/event-stream` anyway,
 * since a compressor would hold frames back until its buffer filled. Request bodies are not decompressed: the API
 * takes plain JSON only.
 */
import type { FastifyInstance } from 'fastify';
import compress from '@fastify/compress';
import { constants } from 'node:zlib';

export const COMPRESS_THRESHOLD_BYTES = 1024;

export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    globalDecompression: false,
    threshold: COMPRESS_THRESHOLD_BYTES,
    encodings: ['br', 'gzip'],
    // Quality 5: most of brotli's gain at a fraction of the CPU of 11 (11 is for the build-time files).
    brotliOptions: { params: { [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_QUALITY]: 5 } },
    zlibOptions: { level: 6 },
  });
}
