/**
 * Retries with exponential backoff for network failures only (HTTP status 0): a read that the transport does
 * not retry itself (a POST query) gets the same patience as a GET. Answers from the server are never retried here.
 */
import { BookingApiError } from '../api/errors.js';
import type { FlowError } from './types.js';

export interface RetryOptions {
  retries?: number;
  baseMs?: number;
  signal?: AbortSignal;
}

export const isNetworkError = (e: unknown): boolean => e instanceof BookingApiError && e.status === 0;

export async function withRetry<T>(run: () => Promise<T>, { retries = 3, baseMs = 400, signal }: RetryOptions = {}): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (e) {
      if (!isNetworkError(e) || attempt >= retries || signal?.aborted) throw e;
      await new Promise((resolve) => setTimeout(resolve, baseMs * 2 ** attempt));
    }
  }
}

/** The machine's error value for anything thrown by an actor. */
export function toFlowError(e: unknown): FlowError {
  if (e instanceof BookingApiError) {
    const violations = e.validationError?.fieldViolations ?? [];
    const fields = Object.fromEntries(violations.map((v) => [v.field.split('.').pop() ?? v.field, v.description]));
    return { code: e.code, message: e.message, ...(violations.length > 0 ? { fields } : {}) };
  }
  return { code: 'UNKNOWN', message: e instanceof Error ? e.message : String(e) };
}
