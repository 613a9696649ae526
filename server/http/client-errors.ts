/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers over 16 KiB, a malformed request line, a
 * client that never finished sending) still get the contract's error body, as everything else does.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { DomainError } from '../domain/errors.js';
import { statusOf } from './error-status.js';

function answerFor(code: string | undefined): DomainError {
  if (code === 'HPE_HEADER_OVERFLOW') {
    return new DomainError(
      'REQUEST_HEADERS_TOO_LARGE',
      'The request headers are larger than 16 KiB; send shorter headers and a shorter URL.',
    );
  }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return new DomainError('REQUEST_TIMEOUT', 'The request took too long to arrive; send it again.');
  return new DomainError('BAD_REQUEST', 'The request could not be read as HTTP; check the request line and headers.');
}

/** Fastify's `clientErrorHandler`: writes the answer on the raw socket and closes it. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const answer = answerFor(error.code);
  const body = JSON.stringify(answer.toBody());
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${statusOf(answer.code)} ${STATUS_CODES[statusOf(answer.code)]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
