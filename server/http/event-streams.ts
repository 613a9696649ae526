/**
 * What the live streams share (the per-booking stream in routes/bookings-events.ts, the business stream in
 * routes/business-events.ts): Server-Sent Events headers that keep what hooks set (CORS), a heartbeat comment so
 * proxies keep the connection open, caps per token and per address, `?access_token=` standing in for the header
 * EventSource cannot send, and ending every stream of a login when it logs out, and all of them when the server
 * closes.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import { Type } from 'typebox';
import type { AppContext } from './context.js';
import { DomainError } from '../domain/errors.js';

export const HEARTBEAT_MS = 15_000;

export const StreamQuerySchema = Type.Object({ access_token: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })) });

/** Who holds a stream open, for the caps and for ending it when that login ends. */
export interface StreamHolder {
  tokenKey: string | null;
  address: string;
  /** The login's session family; none for the owner key, which no logout ends. */
  familyId: string | undefined;
}

/** An onRequest hook: a query token stands in for the Authorization header (EventSource cannot set one). */
export async function tokenFromQuery(request: FastifyRequest): Promise<void> {
  const token = (request.query as { access_token?: unknown }).access_token;
  if (typeof token === 'string' && !request.headers.authorization) request.headers.authorization = `Bearer ${token}`;
}

/** HEAD asks only whether the stream would open: its headers, no stream held open. */
export const answerStreamHead = (reply: FastifyReply) =>
  reply.code(200).header('content-type', 'text/event-stream; charset=utf-8').header('cache-control', 'no-cache, no-transform').send();

export interface OpenedStream {
  /** Writes unless the stream has ended. */
  write(text: string): void;
  end(): void;
}

/** One route family's open streams. `what` names them in the 429's message ("live status streams"). */
export class OpenStreams {
  private readonly open = new Map<ServerResponse, StreamHolder>();

  constructor(
    app: FastifyInstance,
    private readonly ctx: Pick<AppContext, 'limits' | 'tokens'>,
    private readonly what: string,
  ) {
    // Open streams never end by themselves: end them so the server can close.
    app.addHook('preClose', async () => this.endAll());
    // A logout ends that login's streams at once: a revoked token must not keep reading.
    const stopListening = ctx.tokens.onRevoked((familyId) => {
      for (const [res, holder] of this.open) if (holder.familyId === familyId) res.end();
    });
    app.addHook('onClose', async () => stopListening());
  }

  endAll(): void {
    for (const res of this.open.keys()) res.end();
    this.open.clear();
  }

  /** 429 when this token or this address already holds its share of streams. */
  checkCaps(holder: StreamHolder): void {
    const caps = this.ctx.limits.streams;
    const count = (match: (h: StreamHolder) => boolean) => [...this.open.values()].filter(match).length;
    const byToken = holder.tokenKey !== null && count((h) => h.tokenKey === holder.tokenKey) >= caps.perToken;
    if (byToken || count((h) => h.address === holder.address) >= caps.perAddress) {
      throw new DomainError(
        'TOO_MANY_STREAMS',
        `Too many ${this.what} are open ${byToken ? 'with this token' : 'from this address'}; close one (another tab or window) and try again.`,
        { retryAfterSeconds: 30 },
      );
    }
  }

  /**
   * Takes the reply over and sends the event-stream headers (with what hooks set on the reply); the stream counts
   * against the caps until it closes. `onBeat` runs at each heartbeat, `onClose` once when it ends.
   */
  start(request: FastifyRequest, reply: FastifyReply, holder: StreamHolder, on: { beat?: () => void; close: () => void }): OpenedStream {
    reply.hijack();
    const res = reply.raw;
    const kept = Object.entries(reply.getHeaders()).filter(
      (entry): entry is [string, string | number | string[]] => entry[1] !== undefined,
    );
    res.writeHead(200, {
      ...Object.fromEntries(kept),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    this.open.set(res, holder);
    const write = (text: string) => {
      if (!res.writableEnded && !res.destroyed) res.write(text);
    };
    const heartbeat = setInterval(() => {
      write(': heartbeat\n\n');
      on.beat?.();
    }, HEARTBEAT_MS);
    let closed = false;
    const cleanup = () => {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      this.open.delete(res);
      on.close();
    };
    request.raw.on('close', cleanup);
    res.on('close', cleanup);
    return { write, end: () => res.end() };
  }
}
