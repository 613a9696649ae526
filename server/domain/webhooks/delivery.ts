/**
 * One webhook POST, guarded against server-side request forgery at the moment it is sent: the host name is
 * resolved here (every address), refused if any address is not public (unless the endpoint may reach private
 * ones), and the connection goes to an address that was checked (a `lookup` that answers with them), so a
 * second DNS answer cannot swap in 127.0.0.1 between the check and the connect (DNS rebinding). One deadline
 * covers DNS, connect, TLS and the answer; the answer's body is read up to a cap and the rest dropped; a
 * redirect is an answer like any other non-2xx (node:http follows none).
 */
import { promises as dns } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { DeliveryFailure } from '../outbox/channels.js';
import { addressKind } from './addresses.js';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every address of `hostname` (dns.lookup, as the OS resolves it: /etc/hosts, then DNS). */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true, verbatim: true });

export interface PostOptions {
  /** Private, loopback and other non-public addresses may be reached (a development endpoint). */
  privateAllowed: boolean;
  timeoutMs: number;
  maxResponseBytes: number;
  resolve: Resolver;
}

export interface PostAnswer {
  status: number;
  /** `200 OK`, then the start of the body when there is one: what the delivery log shows. */
  answer: string;
}

/** How much of the answer's body the delivery log keeps. */
const ANSWER_BODY_CHARS = 200;

/** POSTs `body` to `url`; resolves with any HTTP answer, throws a DeliveryFailure when there is none or it is refused. */
export async function postWebhook(url: string, body: string, headers: Record<string, string>, options: PostOptions): Promise<PostAnswer> {
  const target = new URL(url);
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const addresses = await untilAborted(resolveChecked(host, options), controller.signal, options.timeoutMs);
    return await untilAborted(
      send(target, host, addresses, body, headers, options, controller.signal),
      controller.signal,
      options.timeoutMs,
    );
  } finally {
    clearTimeout(timer);
  }
}

async function resolveChecked(host: string, options: PostOptions): Promise<ResolvedAddress[]> {
  let addresses: ResolvedAddress[];
  try {
    addresses = await options.resolve(host);
  } catch (error) {
    throw new DeliveryFailure(`could not resolve ${host}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (addresses.length === 0) throw new DeliveryFailure(`could not resolve ${host}: no addresses`);
  if (!options.privateAllowed) {
    for (const { address } of addresses) {
      const kind = addressKind(address);
      // Permanent: the owner must change the endpoint (or the server's setting); retrying for a day changes nothing.
      if (kind !== 'public') throw new DeliveryFailure(`refused: ${host} resolves to ${address}, a ${kind} address`, { permanent: true });
    }
  }
  return addresses;
}

function send(
  target: URL,
  host: string,
  addresses: ResolvedAddress[],
  body: string,
  headers: Record<string, string>,
  options: PostOptions,
  signal: AbortSignal,
): Promise<PostAnswer> {
  // Node asks with `all` when it tries several addresses (autoSelectFamily): answer with the checked ones only.
  const lookup = ((_hostname, lookupOptions, callback) => {
    const first = addresses[0] as ResolvedAddress;
    if (lookupOptions.all) callback(null, addresses);
    else callback(null, first.address, first.family);
  }) as LookupFunction;
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise<PostAnswer>((resolve, reject) => {
    const request = transport.request(
      {
        method: 'POST',
        hostname: host,
        port: target.port || undefined,
        path: `${target.pathname}${target.search}`,
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
        lookup,
        signal,
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        let done = false;
        const finish = (): void => {
          if (done) return;
          done = true;
          const text = Buffer.concat(chunks).toString('utf8').replace(/\s+/g, ' ').trim();
          const status = response.statusCode ?? 0;
          const line = `${status} ${response.statusMessage ?? ''}`.trim();
          resolve({ status, answer: text ? `${line}: ${text.slice(0, ANSWER_BODY_CHARS)}` : line });
        };
        response.on('data', (chunk: Buffer) => {
          if (kept < options.maxResponseBytes) chunks.push(chunk.subarray(0, options.maxResponseBytes - kept));
          kept += chunk.length;
          // Past the cap: stop reading (the status is known) and close the connection instead of draining it.
          if (kept >= options.maxResponseBytes) {
            finish();
            response.destroy();
          }
        });
        response.on('end', finish);
        response.on('error', () => finish());
        response.on('close', finish);
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) =>
      reject(new DeliveryFailure(`could not deliver to ${target.host}: ${error.code ?? error.message}`)),
    );
    request.end(body);
  });
}

/** `work`, or a DeliveryFailure once `signal` aborts (the deadline). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal, timeoutMs: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new DeliveryFailure(`no answer within ${timeoutMs} ms`));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
