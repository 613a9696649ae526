/**
 * A real SMTP server in the test process (`smtp-server` on 127.0.0.1, no TLS), each message parsed with
 * `mailparser`, and a wait for the messages a test expects: the server under test sends through it with
 * `createMailer({ smtpUrl: inbox.url })`.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface ReceivedMail {
  to: string;
  subject: string;
  mail: ParsedMail;
}

export interface SmtpInbox {
  url: string;
  received: ReceivedMail[];
  /** Resolves with the messages `match` picks once there are `count` of them; rejects after `timeoutMs`. */
  waitFor(match: (m: ReceivedMail) => boolean, count?: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startSmtpInbox(): Promise<SmtpInbox> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          for (const rcpt of session.envelope.rcptTo) received.push({ to: rcpt.address, subject: mail.subject ?? '', mail });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    async waitFor(match, count = 1, timeoutMs = 20_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const found = received.filter(match);
        if (found.length >= count) return found;
        if (Date.now() > until) {
          const seen = received.map((m) => `${m.to}: ${m.subject}`).join('\n  ');
          throw new Error(`waited ${timeoutMs} ms for ${count} matching email(s), got ${found.length}; received:\n  ${seen}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
