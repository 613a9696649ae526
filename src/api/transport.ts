/**
 * The one place that calls fetch: base URL, auth header, JSON, Idempotency-Key, error decoding, and retries
 * with exponential backoff for network failures and 429/502/503/504 — only where a retry cannot double an
 * effect (GET, or a request that carries an Idempotency-Key).
 */
import { BookingApiError } from './errors.js';
import { uuid } from './uuid.js';

export interface TransportOptions {
  apiBase: string;
  /** The bearer token, or a function that returns the current one (tokens are refreshed elsewhere). */
  token?: string | (() => string | undefined);
  fetch?: typeof fetch;
  /** Retries after the first attempt; 0 disables. */
  retries?: number;
  /** First backoff delay; doubles each time, with jitter. */
  retryDelayMs?: number;
}

export interface RequestOptions {
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Send no Authorization header (public endpoints). */
  anonymous?: boolean;
}

/** A conditional read's answer: unchanged since `etag` (a 304), or the new body with its ETag. */
export type Revalidated<T> = { notModified: true } | { notModified: false; body: T; etag: string | undefined };

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        reject(signal.reason);
      },
      { once: true },
    );
  });

export class Transport {
  private readonly base: string;
  private readonly doFetch: typeof fetch;

  constructor(private readonly options: TransportOptions) {
    this.base = options.apiBase.replace(/\/+$/, '');
    // Bound so that a host page's own `this` never leaks into fetch.
    this.doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  currentToken(): string | undefined {
    const t = this.options.token;
    return typeof t === 'function' ? t() : t;
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  /** A GET of a non-JSON answer (a file) with the bearer token, as a Blob; an error answer throws as `request` does. */
  async blob(path: string): Promise<Blob> {
    const token = this.currentToken();
    let response: Response;
    try {
      response = await this.doFetch(this.url(path), { headers: token ? { authorization: `Bearer ${token}` } : {} });
    } catch {
      throw new BookingApiError(0, 'We could not reach the booking server. Check your connection and try again.');
    }
    if (response.ok) return response.blob();
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = { message: text.slice(0, 200) };
    }
    throw BookingApiError.fromBody(response.status, body);
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    return (await this.exchange(method, path, options, undefined)).body as T;
  }

  /**
   * `request` with `If-None-Match: etag` (when there is one): a 304 answers `notModified`. The ETag comes back
   * only when the server exposes it (same origin, or `Access-Control-Expose-Headers: ETag` across origins).
   */
  async revalidate<T>(method: string, path: string, etag: string | undefined, options: RequestOptions = {}): Promise<Revalidated<T>> {
    const { status, body, headers } = await this.exchange(method, path, options, etag);
    if (status === 304) return { notModified: true };
    return { notModified: false, body: body as T, etag: headers.get('etag') ?? undefined };
  }

  private async exchange(
    method: string,
    path: string,
    options: RequestOptions,
    ifNoneMatch: string | undefined,
  ): Promise<{ status: number; body: unknown; headers: Headers }> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (ifNoneMatch) headers['if-none-match'] = ifNoneMatch;
    const token = options.anonymous ? undefined : this.currentToken();
    if (token) headers['authorization'] = `Bearer ${token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
    const init: RequestInit = {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    };
    const retryable = method === 'GET' || options.idempotencyKey !== undefined;
    const retries = retryable ? (this.options.retries ?? 3) : 0;
    let delay = this.options.retryDelayMs ?? 300;

    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await this.doFetch(this.url(path), init);
      } catch (error) {
        if (options.signal?.aborted) throw error;
        if (attempt < retries) {
          await sleep(delay + Math.random() * delay, options.signal);
          delay *= 2;
          continue;
        }
        throw new BookingApiError(0, 'We could not reach the booking server. Check your connection and try again.');
      }
      const text = await response.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        body = { message: text.slice(0, 200) };
      }
      if (response.ok || (ifNoneMatch && response.status === 304)) return { status: response.status, body, headers: response.headers };
      const retryAfter = Number(response.headers.get('retry-after')) || undefined;
      if (RETRYABLE_STATUS.has(response.status) && attempt < retries) {
        await sleep(retryAfter ? retryAfter * 1000 : delay + Math.random() * delay, options.signal);
        delay *= 2;
        continue;
      }
      throw BookingApiError.fromBody(response.status, body, retryAfter);
    }
  }
}

/** A fresh random key for a create-type POST; keep it for the retries of the same action. */
export function newIdempotencyKey(): string {
  return uuid();
}
