import 'server-only';

import type { z } from 'zod';

import type { RoomDto } from '@/lib/contracts/dto';
import type { ErrorCode } from '@/lib/contracts/errors';
import type { Permission } from '@/lib/contracts/permissions';

import type { Actor } from './actor';
import type { AuditTarget } from './audit';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The API reference groups operations by these. */
export const OPERATION_TAGS = [
  'Rooms',
  'Participants',
  'Tracks',
  'Users',
  'Audit',
  'LiveKit',
] as const;
export type OperationTag = (typeof OPERATION_TAGS)[number];

/** What an operation's `act` may use besides its input. */
export interface OperationContext {
  actor: Actor;
  /**
   * The room, if it exists and is in the actor's scope (tenant, allowed rooms); `not_found`
   * otherwise. Rooms named by `rooms(input)` were already checked, so this is a cache hit for them;
   * `fresh` bypasses the short-lived cache when the act needs current counts.
   */
  room(roomName: string, options?: { fresh?: boolean }): Promise<RoomDto>;
  /**
   * Runs another operation as part of this one: its input is validated and its permission and room
   * scope checked, but only this operation writes an audit row (a composed command is one action).
   */
  run<I extends z.ZodType, O>(operation: Operation<I, O>, input: z.input<I>): Promise<O>;
  /** Facts learnt while acting that belong in this action's audit row (e.g. a resolved username). */
  auditParams: Record<string, unknown>;
}

export type OperationAudit<In> = {
  /** Defaults to the input's `roomName`, `identity` and `trackSid`. */
  target?: (input: In) => AuditTarget;
  /** What else the row records. Defaults to nothing; never secrets or large payloads. */
  params?: (input: In) => Record<string, unknown> | undefined;
} & (
  | {
      /** `<entity>.<past-tense>`, e.g. `track.muted`. */
      action: string;
      actions?: never;
    }
  | {
      /** The action depends on the input (mute vs unmute). */
      action: (input: In) => string;
      /** Every action `action` can return: the audit page's action picker lists them. */
      actions: readonly string[];
    }
);

/** One domain operation: everything every door needs to know about it, declared once. */
export interface Operation<I extends z.ZodType = z.ZodType, O = unknown> {
  /** camelCase verb + noun; the server-action name and the OpenAPI operationId. */
  name: string;
  summary: string;
  description?: string;
  tag: OperationTag;
  /** Validates the whole input: path params, query or body, all in one object. */
  input: I;
  /** The DTO it answers with; null = nothing (HTTP 204). */
  output: z.ZodType<O> | null;
  permission: Permission;
  http: {
    method: HttpMethod;
    /** OpenAPI-style path under /api/v1, e.g. `/rooms/{roomName}`; each `{param}` is an input field. */
    path: string;
    /** 201 for creations; 200 otherwise (204 when `output` is null). */
    status?: 200 | 201;
    /** For downloads: build the response from the result instead of JSON. */
    respond?(result: O, input: z.output<I>): Response;
  };
  /**
   * Writes are audited whatever the outcome. Reads are audited only when refused for lack of
   * permission (outcome `denied`): polling must not flood the log.
   */
  audit: OperationAudit<z.output<I>>;
  /** Rooms the input names that must exist and be in the actor's scope before `act` runs. */
  rooms?: (input: z.output<I>) => string[];
  /** Error codes this operation can answer besides the ones every operation can. */
  errors: readonly ErrorCode[];
  act(context: OperationContext, input: z.output<I>): Promise<O>;
}

export type AnyOperation = Operation<z.ZodType, unknown>;

/** Declares an operation; the identity function exists for inference of `input` and `output`. */
export function defineOperation<I extends z.ZodType, O>(
  operation: Operation<I, O>,
): Operation<I, O> {
  return operation;
}

export function isRead(operation: { http: { method: HttpMethod } }): boolean {
  return operation.http.method === 'GET';
}
