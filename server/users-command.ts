/**
 * `booking-server users add --email E --role OWNER|STAFF [--staff-member-id ID] [--db FILE]`: creates a business
 * account (contract section 12), the way to the first OWNER. The password comes from stdin when it is piped (its
 * first line) or is asked for, without echo, on a terminal: never from the command line, where `ps` and the shell
 * history would keep it. Same database choice as the server (DATABASE_URL, else --db, BOOKINGS_DB, the default
 * file) and the same rules as `POST /business/v1/users`. Prints the new account's id on stdout; bad input is one
 * message on stderr and exit code 2.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BusinessAccounts } from './domain/accounts/business-accounts.js';
import { DomainError, ValidationError } from './domain/errors.js';
import { TokenService } from './domain/identity/tokens.js';
import { LoginThrottle } from './domain/members/login-throttle.js';
import { createPostgresStorage } from './storage/postgres/index.js';
import { createSqliteStorage } from './storage/sqlite/index.js';
import type { Storage } from './storage/types.js';

export const USERS_USAGE = `Usage: booking-server users add --email E --role OWNER|STAFF [--staff-member-id ID] [--db FILE]

  Creates a business account. The password is read from stdin (its first line) when piped, else asked for:
    printf '%s\\n' "$PASSWORD" | booking-server users add --email owner@studio.example --role OWNER
  A STAFF account needs --staff-member-id (GET /bookings/v1/staff-members lists them).
  The database: DATABASE_URL (postgres://…) or --db FILE (env BOOKINGS_DB, default data/bookings.sqlite).`;

export interface UsersIo {
  out(text: string): void;
  err(text: string): void;
  stdin: NodeJS.ReadStream;
}

class BadInput extends Error {}

/** Runs the command; returns the process's exit code. */
export async function runUsers(argv: string[], env: NodeJS.ProcessEnv, io: UsersIo): Promise<number> {
  let options: { email: string; role: string; staffMemberId?: string; db: string };
  try {
    options = parseOptions(argv, env);
  } catch (error) {
    if (error instanceof HelpAsked) {
      io.out(`${USERS_USAGE}\n`);
      return 0;
    }
    io.err(`${(error as Error).message}\n\n${USERS_USAGE}\n`);
    return 2;
  }
  let storage: Storage;
  try {
    storage = env['DATABASE_URL']
      ? await createPostgresStorage(env['DATABASE_URL'])
      : createSqliteStorage(options.db === ':memory:' ? ':memory:' : resolve(options.db));
  } catch (error) {
    io.err(`users: could not open the database: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  try {
    const password = await readPassword(io);
    const clock = () => new Date();
    const accounts = new BusinessAccounts(storage, new TokenService(storage, clock), new LoginThrottle(), clock);
    const user = await accounts.create({ email: options.email, role: options.role, staffMemberId: options.staffMemberId, password });
    io.err(`created ${user.role} account ${user.email}\n`);
    io.out(`${user.id}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ValidationError) {
      io.err(`users: ${error.fieldViolations.map((v) => `${flagOf(v.field)} ${v.description}`).join('; ')}\n`);
      return 2;
    }
    if (error instanceof DomainError || error instanceof BadInput) {
      io.err(`users: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await storage.close();
  }
}

class HelpAsked extends Error {}

function parseOptions(argv: string[], env: NodeJS.ProcessEnv): { email: string; role: string; staffMemberId?: string; db: string } {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      role: { type: 'string' },
      'staff-member-id': { type: 'string' },
      db: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) throw new HelpAsked();
  if (positionals.length !== 1 || positionals[0] !== 'add')
    throw new BadInput(`users takes one command, "add", not ${JSON.stringify(positionals.join(' ') || '(none)')}`);
  if (!values.email) throw new BadInput('users add needs --email');
  if (!values.role) throw new BadInput('users add needs --role OWNER or --role STAFF');
  return {
    email: values.email,
    role: values.role.toUpperCase(),
    ...(values['staff-member-id'] ? { staffMemberId: values['staff-member-id'] } : {}),
    db: values.db ?? env['BOOKINGS_DB'] ?? 'data/bookings.sqlite',
  };
}

/** The API's field names as the command's flags, so the message names what to change. */
const flagOf = (field: string): string =>
  ({ email: '--email', role: '--role', staffMemberId: '--staff-member-id', password: 'the password' })[field] ?? field;

/** The first line of piped stdin, or a line typed at a prompt that echoes nothing. */
async function readPassword(io: UsersIo): Promise<string> {
  const password = io.stdin.isTTY ? await promptHidden(io) : firstLine(await readAll(io.stdin));
  if (password.length === 0) throw new BadInput('no password given: pipe it on stdin or type it at the prompt');
  return password;
}

const firstLine = (text: string): string => text.split(/\r?\n/)[0] ?? '';

async function readAll(stream: NodeJS.ReadStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** Raw mode: each key arrives as typed and nothing is echoed; Enter ends, Backspace erases, Ctrl-C gives up. */
function promptHidden(io: UsersIo): Promise<string> {
  const stdin = io.stdin;
  io.err('Password: ');
  return new Promise((done, fail) => {
    let typed = '';
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      io.err('\n');
      if (error) fail(error);
      else done(typed);
    };
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish();
        if (char === '\u0003') return finish(new BadInput('canceled'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += char;
      }
    };
    stdin.setRawMode(true);
    stdin.resume();
    stdin.on('data', onData);
  });
}
