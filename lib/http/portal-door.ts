import 'server-only';

import type { z } from 'zod';

import { apiKeyEnv } from '@/lib/callers/api-key-env';
import { anonymousPortalActor } from '@/lib/callers/anonymous-caller';
import { apiKeyCaller } from '@/lib/callers/api-key-caller';
import { httpStatusFor } from '@/lib/contracts/errors';
import type { Actor } from '@/lib/domain/actor';
import { DomainError } from '@/lib/domain/errors';
import type { Operation } from '@/lib/domain/operation';
import { runOperation } from '@/lib/domain/run-operation';
import { parseInput } from '@/lib/domain/validate';

import { jsonBody } from './read-request';
import { retryAfter, toDomainError } from './respond';

/**
 * One of the portal endpoints (docs/rest-api.md): a thin door onto a registry operation, which
 * validates, authorizes (permission, tenant, room scope), acts and audits as for every other
 * door. The door only translates: the contract's snake_case body into the operation's input, its
 * result into the contract's answer, and failures into the contract's statuses — 400 bad input,
 * 404 for a missing room, participant or track and for a room the caller may not see (one body,
 * whatever the cause: the masking holds byte for byte apart from the names), 500 for anything
 * LiveKit or the server failed at (no LiveKit message, no stack). Keys add 401 (no or bad key),
 * 403 (the key's role lacks the permission) and 429 (its rate limit, with `Retry-After`).
 */
export interface PortalEndpoint<B extends z.ZodType, I extends z.ZodType, O> {
  /** The contract's method and path (app/livekit/…/route.ts serve them; so does the API port). */
  method: 'POST' | 'DELETE';
  path: string;
  body: B;
  operation: Operation<I, O>;
  toInput(body: z.output<B>): z.input<I>;
  toAnswer(body: z.output<B>, result: O): Record<string, unknown>;
  /** The 404 message, from the names in the body only. */
  notFound(body: z.output<B>): string;
  /** The 500 message. */
  failed: string;
}

export async function handlePortalRequest<B extends z.ZodType, I extends z.ZodType, O>(
  endpoint: PortalEndpoint<B, I, O>,
  request: Request,
): Promise<Response> {
  const answer = await answerPortalCall(endpoint, request, () => jsonBody(request));
  return Response.json(answer.json, { status: answer.status, headers: answer.headers });
}

/** A portal endpoint's answer, before it becomes a response: JSON, a status and headers. */
export interface PortalAnswer {
  status: number;
  headers: Record<string, string>;
  json: unknown;
}

/**
 * handlePortalRequest without the Fetch API around the answer, for the API port
 * (lib/http/portal-listener.ts), which reads the body itself and writes the JSON to Node's
 * response: wrapping and unwrapping both as web streams was a tenth of its CPU (bench:api
 * profile). `request` only has to carry the headers and the URL.
 */
export async function answerPortalCall<B extends z.ZodType, I extends z.ZodType, O>(
  endpoint: PortalEndpoint<B, I, O>,
  request: Request,
  readBody: () => Promise<Record<string, unknown>> | Record<string, unknown>,
): Promise<PortalAnswer> {
  let body: z.output<B> | undefined;
  try {
    const actor = await portalActor(request);
    body = parseInput(endpoint.body, await readBody());
    const result = await runOperation(endpoint.operation, actor, endpoint.toInput(body!));
    return {
      status: 200,
      headers: { 'Cache-Control': 'no-store' },
      json: endpoint.toAnswer(body!, result),
    };
  } catch (err) {
    return portalError(err, endpoint, body);
  }
}

/**
 * The contract authenticates these endpoints with a key only (header or query), never a session
 * cookie: a portal's backend calls them, and no browser page can ride on someone's sign-in.
 */
async function portalActor(request: Request): Promise<Actor> {
  const actor = await apiKeyCaller.resolve({ request, source: 'api', allowQueryKey: true });
  if (actor) return actor;
  if (!apiKeyEnv().authRequired) return anonymousPortalActor();
  throw new DomainError(
    'unauthenticated',
    'Send an API key: “Authorization: Bearer <key>” or ?api_key=<key>.',
  );
}

/** Statuses the portal endpoints answer as such; every other failure is their 500. */
const PASSED_THROUGH = new Set([
  'unauthenticated',
  'forbidden',
  'rate_limited',
  'payload_too_large',
]);

function portalError<B extends z.ZodType, I extends z.ZodType, O>(
  err: unknown,
  endpoint: PortalEndpoint<B, I, O>,
  body: z.output<B> | undefined,
): PortalAnswer {
  const error = toDomainError(err);
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', ...retryAfter(error) };
  let status: number;
  let answer: { code: string; message: string; fieldErrors?: Record<string, string[]> };
  if (error.code === 'invalid_input' || error.code === 'unsupported_media_type') {
    status = 400;
    answer = {
      code: 'invalid_input',
      message: error.message,
      ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
    };
  } else if (error.code === 'not_found' && body !== undefined) {
    status = 404;
    answer = { code: 'not_found', message: endpoint.notFound(body) };
  } else if (PASSED_THROUGH.has(error.code)) {
    status = httpStatusFor(error.code);
    answer = { code: error.code, message: error.message };
    if (error.code === 'unauthenticated') headers['WWW-Authenticate'] = 'Bearer';
  } else {
    // LiveKit not configured, unreachable or refusing, the audit log unavailable, a bug: the
    // cause is in the server log (toDomainError), the caller learns only that it failed.
    status = 500;
    answer = { code: 'internal', message: endpoint.failed };
  }
  return { status, headers, json: { error: answer } };
}
