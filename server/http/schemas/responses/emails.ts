/** The owner's list of emails (GET /notifications/v1/emails): one row per email the outbox sent or is sending. */
import { Type } from 'typebox';
import { TimestampSchema } from './common.js';

const Str = Type.String();

export const EmailRowSchema = Type.Object({
  id: Str,
  kind: Str,
  role: Type.Union([Type.Literal('customer'), Type.Literal('owner'), Type.Literal('staff'), Type.Literal('member')]),
  status: Type.Union([Type.Literal('PENDING'), Type.Literal('DELIVERING'), Type.Literal('DONE'), Type.Literal('FAILED')]),
  attempts: Type.Integer({ minimum: 0 }),
  eventId: Str,
  eventType: Str,
  /** The booking the email is about; a member's account email has `memberId` instead. */
  bookingId: Type.Optional(Str),
  memberId: Type.Optional(Str),
  createdDate: TimestampSchema,
  sentDate: Type.Optional(TimestampSchema),
  to: Type.Optional(Str),
  subject: Type.Optional(Str),
  messageId: Type.Optional(Str),
  /** The `.eml` file's name, when emails are written to files. */
  file: Type.Optional(Str),
  /** Why it was not sent (yet), or why it was skipped. */
  note: Type.Optional(Str),
  lastError: Type.Optional(Str),
});

export const EmailListResponseSchema = Type.Object({
  emails: Type.Array(EmailRowSchema),
  transport: Type.Union([Type.Literal('smtp'), Type.Literal('files'), Type.Literal('off')]),
});
