import 'server-only';

import { z } from 'zod';

import { ERROR_CODES, errorBodySchema, type ErrorCode } from '@/lib/contracts/errors';
import { PERMISSION_INFO } from '@/lib/contracts/permissions';
import { isRead, OPERATION_TAGS, type AnyOperation } from '@/lib/domain/operation';
import { OPERATION_LIST } from '@/lib/domain/registry';

import { MAX_BODY_BYTES } from './read-request';
import { API_PREFIX } from './rest-door';

type JsonSchema = Record<string, unknown>;

/** Errors any operation can answer, whatever it does. */
const COMMON_ERRORS: readonly ErrorCode[] = [
  'invalid_input',
  'unauthenticated',
  'forbidden',
  'rate_limited',
  'internal',
];
const LIVEKIT_ERRORS: readonly ErrorCode[] = ['upstream_misconfigured', 'upstream_unavailable'];
/** Writes also answer these: their body is read, and their attempt is audited before it runs. */
const BODY_ERRORS: readonly ErrorCode[] = [
  'payload_too_large',
  'unsupported_media_type',
  'audit_unavailable',
];

const SCHEMA_REF = '#/components/schemas/';

/**
 * The OpenAPI 3.1 document of /api/v1, derived from the operation registry: each operation's
 * method, path, zod input (path params, query or JSON body), zod output, permission and errors.
 * Nothing here is written per operation.
 */
export function buildOpenApiDocument(serverUrl = API_PREFIX): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const operation of OPERATION_LIST) {
    (paths[operation.http.path] ??= {})[operation.http.method.toLowerCase()] =
      describeOperation(operation);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Moderato API',
      version: '1',
      description:
        'Every read and write of the Moderato dashboard. Authenticate with the dashboard session cookie (same-origin writes only) or an API key (`Authorization: Bearer mdk_…`). Errors are `{ "error": { "code", "message", "fieldErrors"? } }`; another tenant’s rooms and users answer 404, exactly like missing ones.',
    },
    servers: [{ url: serverUrl }],
    tags: OPERATION_TAGS.map((name) => ({ name })),
    security: [{ session: [] }, { apiKey: [] }],
    paths,
    components: {
      schemas: {
        ...sharedSchemas(),
        Error: {
          type: 'object',
          properties: { error: toSchema(errorBodySchema) },
          required: ['error'],
        },
      },
      responses: Object.fromEntries(
        Object.entries(ERROR_CODES).map(([code, { summary }]) => [
          code,
          {
            description: summary,
            content: { 'application/json': { schema: { $ref: `${SCHEMA_REF}Error` } } },
          },
        ]),
      ),
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'next-auth.session-token',
          description: 'The dashboard’s sign-in session (`__Secure-` prefixed over HTTPS).',
        },
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API key (`mdk_…`) created by an admin on the API keys page or with `npm run apikey`; it acts within its role, tenant and rooms.',
        },
      },
    },
  };
}

function describeOperation(operation: AnyOperation): JsonSchema {
  const inputSchema = toSchema(operation.input);
  const properties = (inputSchema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((inputSchema.required ?? []) as string[]);
  const pathParams = [...operation.http.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const parameters = pathParams.map((name) => ({
    name,
    in: 'path',
    required: true,
    schema: properties[name] ?? { type: 'string' },
  }));
  const rest = Object.entries(properties).filter(([name]) => !pathParams.includes(name));
  let requestBody: JsonSchema | undefined;
  if (isRead(operation)) {
    for (const [name, schema] of rest) {
      parameters.push({ name, in: 'query', required: required.has(name), schema });
    }
  } else if (rest.length > 0) {
    const bodyRequired = [...required].filter((name) => !pathParams.includes(name));
    requestBody = {
      required: bodyRequired.length > 0,
      content: {
        'application/json': {
          schema: {
            ...inputSchema,
            properties: Object.fromEntries(rest),
            ...(bodyRequired.length > 0 ? { required: bodyRequired } : { required: undefined }),
          },
        },
      },
    };
  }
  const errors = new Set<ErrorCode>([
    ...COMMON_ERRORS,
    ...(isRead(operation) ? [] : BODY_ERRORS),
    ...operation.errors,
    ...(operation.tag === 'Users' || operation.tag === 'Audit' ? [] : LIVEKIT_ERRORS),
  ]);
  return {
    operationId: operation.name,
    summary: operation.summary,
    description: [
      operation.description,
      `Requires the \`${operation.permission}\` permission (${PERMISSION_INFO[operation.permission]})`,
      isRead(operation)
        ? ''
        : `Bodies are JSON, at most ${MAX_BODY_BYTES.toLocaleString('en')} bytes.`,
    ]
      .filter(Boolean)
      .join('\n\n'),
    tags: [operation.tag],
    'x-permission': operation.permission,
    'x-audit-action':
      typeof operation.audit.action === 'string' ? operation.audit.action : undefined,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses: {
      ...successResponse(operation),
      ...Object.fromEntries(
        [...errors]
          .sort((a, b) => ERROR_CODES[a].status - ERROR_CODES[b].status)
          .map((code) => [
            String(ERROR_CODES[code].status),
            { $ref: `#/components/responses/${code}` },
          ]),
      ),
    },
  };
}

function successResponse(operation: AnyOperation): Record<string, JsonSchema> {
  if (operation.output === null) return { 204: { description: 'Done; no content.' } };
  const status = String(operation.http.status ?? 200);
  if (operation.http.respond) {
    return {
      [status]: {
        description: 'A download (`Content-Disposition: attachment`).',
        content: {
          'text/csv': { schema: { type: 'string' } },
          'application/json': { schema: toSchema(operation.output) },
        },
      },
    };
  }
  return {
    [status]: {
      description: operation.summary,
      content: { 'application/json': { schema: toSchema(operation.output) } },
    },
  };
}

/** Named DTO schemas (zod `.meta({ id })`) become components every operation refers to. */
function sharedSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `${SCHEMA_REF}${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  // zod sets `$id` to the component's URI; JSON Schema 2020-12 forbids a fragment there.
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $id: _id, ...rest } = withoutDialect(schema);
      return [id, rest];
    }),
  );
}

/** One schema, its named parts referenced as components instead of inlined as `$defs`. */
function toSchema(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const { $defs: _defs, ...rest } = withoutDialect(json);
  return JSON.parse(JSON.stringify(rest).replaceAll('"#/$defs/', `"${SCHEMA_REF}`)) as JsonSchema;
}

function withoutDialect(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}
