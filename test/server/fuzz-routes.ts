/**
 * Every route a Fastify instance registers, read from `app.printRoutes()`, so a route added tomorrow is fuzzed
 * without anyone listing it here. A route's path is kept as parts: literal text and parameter slots.
 */
import type { FastifyInstance } from 'fastify';

export type PathPart = { literal: string } | { param: string };

export interface RouteTemplate {
  method: string;
  /** The path as Fastify prints it, e.g. `/bookings/v2/bookings/:id/confirm`. */
  pattern: string;
  parts: PathPart[];
}

// `::` is an escaped colon; `:a(regex)|:b` is one parameter slot (find-my-way joins the names of routes that
// share it); `*` is a wildcard (the static sites).
const TOKEN = /::|:([A-Za-z0-9_]+)(?:\([^)]*\))?(?:\|:[A-Za-z0-9_]+(?:\([^)]*\))?)*|\*/g;

export function pathParts(pattern: string): PathPart[] {
  const parts: PathPart[] = [];
  let last = 0;
  for (const match of pattern.matchAll(TOKEN)) {
    if (match.index > last) parts.push({ literal: pattern.slice(last, match.index) });
    if (match[0] === '::') parts.push({ literal: ':' });
    else parts.push({ param: match[1] ?? '*' });
    last = match.index + match[0].length;
  }
  if (last < pattern.length) parts.push({ literal: pattern.slice(last) });
  // Adjacent literals (around an escaped colon) read better as one.
  return parts.reduce<PathPart[]>((out, part) => {
    const prev = out[out.length - 1];
    if (prev && 'literal' in prev && 'literal' in part) prev.literal += part.literal;
    else out.push({ ...part });
    return out;
  }, []);
}

const LINE = /^((?:[│ ] {3})*)[├└]── (.+?)(?: \(([A-Z, ]+)\))?$/;

/** Parses the tree `printRoutes({ commonPrefix: false })` draws: each level indents by four characters. */
export function parseRouteTree(tree: string): RouteTemplate[] {
  const stack: string[] = [];
  const routes: RouteTemplate[] = [];
  for (const line of tree.split('\n')) {
    const match = LINE.exec(line.trimEnd());
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    stack.length = depth;
    stack.push(match[2] ?? '');
    const pattern = stack.join('');
    for (const method of (match[3] ?? '')
      .split(',')
      .map((m) => m.trim())
      .filter(Boolean)) {
      routes.push({ method, pattern, parts: pathParts(pattern) });
    }
  }
  return routes;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** One tree per method: the merged tree can drop methods where two plugins share a node (`*`). */
export function listRoutes(app: FastifyInstance): RouteTemplate[] {
  const routes = METHODS.flatMap((method) =>
    parseRouteTree(app.printRoutes({ commonPrefix: false, method })).map((r) => ({ ...r, method })),
  );
  if (routes.length === 0) throw new Error(`no routes read from printRoutes():\n${app.printRoutes({ commonPrefix: false })}`);
  return routes;
}
