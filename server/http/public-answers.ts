/**
 * The public catalogue reads, kept serialised with their ETag until the setup changes (storage.setupVersion()):
 * the widget asks for the same services list on every page load, so a repeat answer is a string and a header,
 * with no query, no serialisation and no hashing. Only the answer everyone gets (not the owner's, which shows
 * hidden services) is kept. Keys are the route and the request's query; the cache is bounded.
 */
import type { FastifyReply } from 'fastify';
import { SetupCache } from '../storage/setup-cache.js';
import type { Storage } from '../storage/types.js';
import { bodyEtag } from './etag.js';

interface PublicAnswer {
  body: string;
  etag: string;
}

export class PublicAnswers {
  private readonly cache: SetupCache<string, PublicAnswer>;

  constructor(storage: Pick<Storage, 'setupVersion'>) {
    this.cache = new SetupCache(storage, 200);
  }

  /** Send the public answer for `key`, loading (and serialising with the route's schema) only on a miss. */
  async send(reply: FastifyReply, key: unknown, load: () => Promise<unknown>): Promise<FastifyReply> {
    const answer = await this.cache.get(`${reply.request.method} ${reply.request.routeOptions.url} ${JSON.stringify(key)}`, async () => {
      const body: unknown = reply.serialize(await load());
      if (typeof body !== 'string') throw new Error(`${reply.request.routeOptions.url} did not serialise to JSON text`);
      return { body, etag: bodyEtag(body) };
    });
    return reply.header('etag', answer.etag).type('application/json; charset=utf-8').send(answer.body);
  }
}
