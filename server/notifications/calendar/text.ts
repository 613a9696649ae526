/**
 * RFC 5545 content lines, written by hand: TEXT values escaped (section 3.3.11), parameter values quoted
 * (section 3.2), lines folded at 75 octets of UTF-8 without splitting a character (section 3.1), CRLF endings.
 */

/** A TEXT value: backslash, semicolon and comma escaped, every newline as `\n`. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * A parameter value (e.g. `CN`): control characters and double quotes cannot be escaped there, so they are
 * dropped; the value is quoted when it holds `:`, `;` or `,`.
 */
export function paramValue(value: string): string {
  // eslint-disable-next-line no-control-regex -- RFC 5545 forbids control characters in parameter values
  const clean = value.replace(/[\u0000-\u001f\u007f"]/g, ' ').trim();
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

const MAX_OCTETS = 75;

/** One content line folded: each physical line at most 75 octets, continuations start with one space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // The first physical line holds 75 octets; each continuation holds 74 after its leading space.
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** A property line from its name, parameters (already formatted values) and value (already escaped if TEXT). */
export function property(name: string, value: string, params: Record<string, string> = {}): string {
  const head = [name, ...Object.entries(params).map(([key, v]) => `${key}=${v}`)].join(';');
  return `${head}:${value}`;
}

/** The calendar object as text: every line folded and ended with CRLF. */
export function serialize(lines: readonly string[]): string {
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}
