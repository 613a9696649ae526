/** A copy refused or failed for a reason the person running it can act on (the CLI prints it and exits with 2). */
export class CopyError extends Error {
  override name = 'CopyError';
}

/** The message of anything thrown, for a CopyError's text. */
export const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A PostgreSQL address as it may be printed: the password replaced by `***`. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.href;
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}

export const isPostgresUrl = (where: string): boolean => /^postgres(ql)?:\/\//i.test(where);
