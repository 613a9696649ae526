/** The one error class the client throws: the HTTP status plus the contract's error details. */
import type { ApiErrorBody, ApplicationError, FieldViolation } from '../model/errors.js';

export class BookingApiError extends Error {
  override readonly name = 'BookingApiError';
  constructor(
    /** HTTP status; 0 when the server could not be reached. */
    readonly status: number,
    message: string,
    readonly applicationError?: ApplicationError,
    readonly validationError?: { fieldViolations: FieldViolation[] },
    /** Seconds to wait before retrying (429), when the server said. */
    readonly retryAfter?: number,
  ) {
    super(message);
  }

  /** The application error code, `VALIDATION_ERROR` for a 400 with field violations, or `NETWORK_ERROR`. */
  get code(): string {
    if (this.applicationError) return this.applicationError.code;
    if (this.validationError) return 'VALIDATION_ERROR';
    return this.status === 0 ? 'NETWORK_ERROR' : `HTTP_${this.status}`;
  }

  static fromBody(status: number, body: unknown, retryAfter?: number): BookingApiError {
    const b = body as Partial<ApiErrorBody> | undefined;
    const message = typeof b?.message === 'string' && b.message ? b.message : `The server answered ${status}.`;
    return new BookingApiError(status, message, b?.details?.applicationError, b?.details?.validationError, retryAfter);
  }
}
