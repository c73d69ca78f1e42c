import { describe, expect, it } from 'vitest';

import { PERMISSIONS } from '@/lib/contracts/permissions';
import { isRead } from '@/lib/domain/operation';
import { findOperation, OPERATION_LIST, OPERATIONS } from '@/lib/domain/registry';

import { matchRoute } from './api-routes';
import { buildOpenApiDocument } from './openapi';

// Every door is derived from the registry; this proves each operation reaches every door and
// fails the moment a new one lacks any of them.
const document = buildOpenApiDocument() as {
  paths: Record<string, Record<string, { operationId: string; 'x-permission': string }>>;
};
const documented = new Map(
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => [op.operationId, { path, method, op }] as const),
  ),
);

/** A concrete URL path for an operation's template, with awkward values in every parameter. */
const concretePath = (template: string) =>
  template
    .split('/')
    .filter(Boolean)
    .map((s) => (s.startsWith('{') ? `x y/ä+%?${s.slice(1, -1)}` : s));

describe.each(OPERATION_LIST.map((op) => [op.name, op] as const))('operation %s', (name, op) => {
  it('is registered under its own name', () => {
    expect(OPERATIONS[name as keyof typeof OPERATIONS]).toBe(op);
    expect(name).toMatch(/^[a-z][A-Za-z]+$/);
  });

  it('has a server action: the generic action finds it by name', () => {
    expect(findOperation(name)).toBe(op);
  });

  it('has an /api/v1 route that resolves to it, with its path params', () => {
    const segments = concretePath(op.http.path);
    const match = matchRoute(op.http.method, segments);
    expect(match.kind).toBe('found');
    if (match.kind !== 'found') return;
    expect(match.operation).toBe(op);
    for (const [param, value] of Object.entries(match.params)) {
      expect(value).toBe(`x y/ä+%?${param}`);
      // Every path param is a field of the input, validated with the rest.
      expect(Object.keys((op.input as unknown as { shape: object }).shape)).toContain(param);
    }
  });

  it('has an OpenAPI entry with its permission', () => {
    const entry = documented.get(name);
    expect(entry).toBeDefined();
    expect(entry!.path).toBe(op.http.path);
    expect(entry!.method).toBe(op.http.method.toLowerCase());
    expect(entry!.op['x-permission']).toBe(op.permission);
  });

  it('has a permission and an audit action name', () => {
    expect(PERMISSIONS).toContain(op.permission);
    const actions =
      typeof op.audit.action === 'string'
        ? [op.audit.action]
        : // Input-dependent names: ask with both values of the flag they depend on.
          [true, false].map((flag) =>
            (op.audit.action as (input: unknown) => string)({
              muted: flag,
              disabled: flag,
              mode: flag ? 'move' : 'forward',
            }),
          );
    for (const action of actions) expect(action).toMatch(/^[a-z]+\.[a-z_]+$/);
  });

  it('declares only write verbs for writes and GET for reads', () => {
    expect(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).toContain(op.http.method);
    if (isRead(op)) expect(op.output).not.toBeNull();
  });
});

describe('the registry as a whole', () => {
  it('never maps two operations to one method and path', () => {
    const routes = OPERATION_LIST.map((op) => `${op.http.method} ${op.http.path}`);
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('documents exactly the registered operations', () => {
    expect([...documented.keys()].sort()).toEqual(OPERATION_LIST.map((op) => op.name).sort());
  });

  it('refuses names that are not operations, including inherited properties', () => {
    for (const name of ['nope', 'constructor', 'toString', '__proto__', 42, null]) {
      expect(findOperation(name)).toBeUndefined();
    }
  });

  it('prefers literal path segments to parameters and reports other methods as 405', () => {
    expect(matchRoute('GET', ['audit', 'export'])).toMatchObject({
      kind: 'found',
      operation: OPERATIONS.exportAuditEvents,
    });
    expect(matchRoute('PUT', ['rooms'])).toEqual({
      kind: 'method_not_allowed',
      allow: ['GET', 'POST'],
    });
    expect(matchRoute('GET', ['nowhere'])).toEqual({ kind: 'not_found' });
  });
});
