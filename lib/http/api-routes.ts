import 'server-only';

import type { HttpMethod } from '@/lib/domain/operation';
import { OPERATION_LIST } from '@/lib/domain/registry';
import type { AnyOperation } from '@/lib/domain/operation';

/** /api/v1 paths are the registry's `http.path`s; this turns them into matchers once. */
interface Route {
  operation: AnyOperation;
  method: HttpMethod;
  /** Literal segments, or `{ param }` for a path parameter. */
  segments: (string | { param: string })[];
}

const ROUTES: Route[] = OPERATION_LIST.map((operation) => ({
  operation,
  method: operation.http.method,
  segments: operation.http.path
    .split('/')
    .filter(Boolean)
    .map((s) => (s.startsWith('{') && s.endsWith('}') ? { param: s.slice(1, -1) } : s)),
}));

export type RouteMatch =
  | { kind: 'found'; operation: AnyOperation; params: Record<string, string> }
  | { kind: 'method_not_allowed'; allow: HttpMethod[] }
  | { kind: 'not_found' };

/**
 * The operation behind a method and decoded path segments. Literal segments win over parameters,
 * so `/audit/export` is never read as an audit event called "export".
 */
export function matchRoute(method: string, segments: string[]): RouteMatch {
  const candidates = ROUTES.map((route) => ({ route, params: matchSegments(route, segments) }))
    .filter((c): c is { route: Route; params: Record<string, string> } => c.params !== null)
    .sort((a, b) => Object.keys(a.params).length - Object.keys(b.params).length);
  if (candidates.length === 0) return { kind: 'not_found' };
  const mostSpecific = Object.keys(candidates[0]!.params).length;
  const sameShape = candidates.filter((c) => Object.keys(c.params).length === mostSpecific);
  const hit = sameShape.find((c) => c.route.method === method);
  if (hit) return { kind: 'found', operation: hit.route.operation, params: hit.params };
  return { kind: 'method_not_allowed', allow: sameShape.map((c) => c.route.method) };
}

function matchSegments(route: Route, segments: string[]): Record<string, string> | null {
  if (route.segments.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [i, expected] of route.segments.entries()) {
    const actual = segments[i]!;
    if (typeof expected === 'string') {
      if (expected !== actual) return null;
    } else {
      params[expected.param] = actual;
    }
  }
  return params;
}
