/** The error body of contract section 1: either an application error or a validation error. */

export interface ApplicationError {
  code: string;
  description: string;
  data: Record<string, unknown>;
}

export interface FieldViolation {
  field: string;
  description: string;
}

export interface ApiErrorBody {
  message: string;
  details: {
    applicationError?: ApplicationError;
    validationError?: { fieldViolations: FieldViolation[] };
  };
}

/** Application error codes used by the contract (open-ended: servers may add more). */
export type ErrorCode =
  | 'NOT_FOUND'
  | 'ROUTE_NOT_FOUND'
  | 'SERVICE_NOT_FOUND'
  | 'BOOKING_NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'PERMISSION_DENIED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'REVISION_MISMATCH'
  | 'BOOKING_REVISION_MISMATCH'
  | 'INVALID_BOOKING_STATUS'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'SLOT_NOT_AVAILABLE'
  | 'SESSION_CAPACITY_EXCEEDED'
  | 'BOOKING_POLICY_VIOLATION'
  | (string & {});
