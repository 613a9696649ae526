/** Sends a create call's answer: its stored status and body, and `idempotent-replayed: true` on a replay. */
import type { FastifyReply } from 'fastify';
import type { IdempotentAnswer } from '../domain/bookings/idempotency.js';

export function sendAnswer<T>(reply: FastifyReply, answer: IdempotentAnswer<T>): FastifyReply {
  if (answer.replayed) void reply.header('idempotent-replayed', 'true');
  return reply.code(answer.statusCode).send(answer.body);
}
