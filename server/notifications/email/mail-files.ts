/**
 * The mail folder used when no SMTP server is configured: each email is one `.eml` file (RFC 5322, as a mail
 * server would receive it) named `<UTC time>-<random>.eml`, so names sort by time, and `listMail` reads their
 * headers back for the owner's view.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface MailSummary {
  /** The file name without `.eml`. */
  id: string;
  to: string;
  subject: string;
  /** RFC 3339 (from the `Date` header). */
  date: string;
  file: string;
}

let lastStamp = 0;

/** A new id: the time (strictly rising within this process, so two emails in one millisecond keep their order) and a random part. */
export function newMailId(now: Date = new Date()): string {
  lastStamp = Math.max(now.getTime(), lastStamp + 1);
  const stamp = new Date(lastStamp).toISOString().replace(/[-:.]/g, '');
  return `${stamp}-${randomBytes(5).toString('hex')}`;
}

/** Writes one message (whole MIME bytes) into `dir`; the file appears complete or not at all. */
export async function writeMail(dir: string, id: string, message: Buffer): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${id}.eml`);
  const partial = `${file}.${process.pid}.tmp`;
  await writeFile(partial, message, { mode: 0o600 });
  await rename(partial, file);
  return file;
}

/** RFC 2047 encoded words (`=?UTF-8?Q?...?=`, `=?UTF-8?B?...?=`) back to text. */
export function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?*]+)(?:\*[^?]*)?\?([BbQq])\?([^?]*)\?=/g, (whole, charset: string, encoding: string, data: string) => {
      try {
        const bytes =
          encoding.toUpperCase() === 'B'
            ? Buffer.from(data, 'base64')
            : Buffer.from(
                data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
                'latin1',
              );
        return new TextDecoder(charset).decode(bytes);
      } catch {
        return whole;
      }
    });
}

/** The header fields of a message, names lower-cased, folded lines joined. */
export function parseHeaders(message: string): Map<string, string> {
  const end = message.search(/\r?\n\r?\n/);
  const head = (end === -1 ? message : message.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

/** The first 64 KiB of a file: enough for any header block, without reading attachments. */
async function readHead(file: string): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** The emails in `dir`, oldest first ([] when the folder does not exist yet). */
export async function listMail(dir: string): Promise<MailSummary[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const files = names.filter((n) => n.endsWith('.eml')).sort();
  return Promise.all(
    files.map(async (name) => {
      const file = join(dir, name);
      const headers = parseHeaders(await readHead(file));
      const date = Date.parse(headers.get('date') ?? '');
      return {
        id: name.slice(0, -'.eml'.length),
        to: decodeWords(headers.get('to') ?? ''),
        subject: decodeWords(headers.get('subject') ?? ''),
        date: Number.isFinite(date) ? new Date(date).toISOString() : '',
        file,
      };
    }),
  );
}
