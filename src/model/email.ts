/** The owner's list of emails (GET /notifications/v1/emails, docs/notifications.md "The owner's list"). */

export type EmailStatus = 'PENDING' | 'DELIVERING' | 'DONE' | 'FAILED';
export type EmailRecipientRole = 'customer' | 'owner' | 'staff' | 'member';

/** One email the outbox sent or is sending; the address, subject and file come once it is sent. */
export interface EmailRow {
  id: string;
  kind: string;
  role: EmailRecipientRole;
  status: EmailStatus;
  attempts: number;
  eventId: string;
  eventType: string;
  bookingId?: string;
  memberId?: string;
  createdDate: string;
  sentDate?: string;
  to?: string;
  subject?: string;
  messageId?: string;
  /** The `.eml` file's name, when emails are written to files. */
  file?: string;
  note?: string;
  lastError?: string;
}

export interface EmailListResponse {
  emails: EmailRow[];
  transport: 'smtp' | 'files' | 'off';
}
