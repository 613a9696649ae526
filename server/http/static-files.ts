/**
 * The static sites: the widget bundle (dist/ at /widget/), the console's page (console/ at /console/) and the demo
 * pages (demo/ at /). Files come with their pre-compressed `.br` / `.gz` siblings when those exist
 * (scripts/compress-dist.mjs writes them at build time); anything else compressible is compressed on the fly by
 * server/http/compression.ts. Cache headers:
 *   - a content-hashed file (`name-AbC12xyZ.js`): cached for a year, immutable (its name changes with it);
 *   - an HTML page: `no-cache` (always revalidated, so a new release shows at once);
 *   - anything else, notably the stable entry scripts (booking-widget.iife.js, booking-widget.js) that host pages
 *     load by a fixed URL: five minutes, then revalidated with ETag / Last-Modified (a 304 when unchanged).
 * Files under /widget/ also carry `Access-Control-Allow-Origin: *`: the widget's module chunks are fetched with
 * CORS from whatever page embeds the classic script.
 */
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';

export const ENTRY_CACHE_CONTROL = 'public, max-age=300, must-revalidate';
export const HASHED_CACHE_CONTROL = 'public, max-age=31536000, immutable';
export const PAGE_CACHE_CONTROL = 'no-cache';

/**
 * Vite's content hash: 8 characters of base64url before the extension. A digit or a capital letter is required
 * too, so a plain word such as `booking-calendar.js` is never taken for a hash (and cached for a year).
 */
const HASHED_NAME = /-(?=[A-Za-z0-9_-]*[0-9A-Z])[A-Za-z0-9_-]{8}\.(?:m?js|css)$/;

/** The Cache-Control for a served file (its path on disk, maybe a `.br` / `.gz` sibling). */
export function cacheControlFor(path: string): string {
  const name = basename(path).replace(/\.(?:br|gz)$/, '');
  if (HASHED_NAME.test(name)) return HASHED_CACHE_CONTROL;
  if (name.endsWith('.html')) return PAGE_CACHE_CONTROL;
  return ENTRY_CACHE_CONTROL;
}

/** Where the widget's scripts are served: public code that any site may load, module chunks included. */
export const WIDGET_PREFIX = '/widget/';

export async function registerStaticFiles(app: FastifyInstance, roots: { prefix: string; root: string }[] = []): Promise<void> {
  for (const { prefix, root } of roots) {
    if (!existsSync(root)) continue;
    // Each site in a scope of its own, so each may decorate `reply.sendFile` with its own root and headers.
    await app.register(async (scope) => {
      await scope.register(fastifyStatic, {
        root,
        prefix,
        index: ['index.html'],
        preCompressed: true,
        etag: true,
        lastModified: true,
        // Called for 200s and 304s alike, after @fastify/send's own `public, max-age=0`.
        setHeaders: (reply, path) => {
          reply.header('cache-control', cacheControlFor(path));
          // The classic script import()s ES module chunks, which a browser fetches with CORS: a partner's page on
          // another origin needs this even when the API's own CORS list (allowedOrigins) does not name it.
          if (prefix === WIDGET_PREFIX) reply.header('access-control-allow-origin', '*');
        },
      });
      // The router ignores trailing slashes (app.ts), so `/console/` arrives as `/console`, which the plugin's
      // `/console/*` does not match: a site below the root answers its bare folder with its index page itself.
      const bare = prefix.replace(/\/+$/, '');
      if (bare !== '' && existsSync(join(root, 'index.html'))) scope.get(bare, (_request, reply) => reply.sendFile('index.html'));
    });
  }
}
