import 'server-only';

import { resolveCaller } from '@/lib/callers/resolve-caller';
import { httpStatusFor, type ErrorCode } from '@/lib/contracts/errors';
import {
  openTalkCommandSchema,
  type OpenTalkCommand,
  type OpenTalkCommandAction,
  type OpenTalkCommandOf,
  type OpenTalkErrorEvent,
  type OpenTalkEvent,
} from '@/lib/contracts/opentalk-livekit';
import { DomainError } from '@/lib/domain/errors';
import { createAccessToken } from '@/lib/domain/moderation/create-access-token';
import { disableMicrophoneRestrictions } from '@/lib/domain/moderation/disable-microphone-restrictions';
import { enableMicrophoneRestrictions } from '@/lib/domain/moderation/enable-microphone-restrictions';
import { forceMute } from '@/lib/domain/moderation/force-mute';
import { grantScreenSharePermission } from '@/lib/domain/moderation/grant-screen-share-permission';
import { requestPopoutToken } from '@/lib/domain/moderation/request-popout-token';
import { revokeScreenSharePermission } from '@/lib/domain/moderation/revoke-screen-share-permission';
import type { Operation } from '@/lib/domain/operation';
import { runOperation } from '@/lib/domain/run-operation';
import { parseInput } from '@/lib/domain/validate';

import { jsonBody } from './read-request';
import { toDomainError } from './respond';

/** `POST /api/v1/rooms/{roomName}/commands`: the path's segments after /api/v1. */
export function isCommandPath(segments: readonly string[]): boolean {
  return segments.length === 3 && segments[0] === 'rooms' && segments[2] === 'commands';
}

interface CommandRoute<A extends OpenTalkCommandAction, O> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  operation: Operation<any, O>;
  input(roomName: string, command: OpenTalkCommandOf<A>): Record<string, unknown>;
  event(result: O, command: OpenTalkCommandOf<A>): OpenTalkEvent;
}

/** A table entry once its types were checked. */
type ErasedRoute = CommandRoute<OpenTalkCommandAction, unknown>;

/** `action` fixes the command's type, so each entry's mappers are checked against it. */
function route<A extends OpenTalkCommandAction, O>(_action: A, r: CommandRoute<A, O>): ErasedRoute {
  return r as unknown as ErasedRoute;
}

/**
 * Each OpenTalk command is one registry operation (so it is authorized, scoped and audited exactly
 * as in the UI and on its own /api/v1 path); this table only translates the command into that
 * operation's input and its answer into OpenTalk's event.
 */
const COMMANDS: Record<OpenTalkCommandAction, ErasedRoute> = {
  create_new_access_token: route('create_new_access_token', {
    operation: createAccessToken,
    input: (roomName) => ({ roomName }),
    event: (r) => ({ message: 'credentials', ...r.credentials }),
  }),
  force_mute: route('force_mute', {
    operation: forceMute,
    input: (roomName, c) => ({ roomName, participants: c.participants }),
    event: (r) => ({ message: 'force_muted', moderator: r.moderator }),
  }),
  grant_screen_share_permission: route('grant_screen_share_permission', {
    operation: grantScreenSharePermission,
    input: (roomName, c) => ({ roomName, participants: c.participants }),
    event: (r) => ({
      message: 'screen_share_permissions_updated',
      grant: true,
      participants: r.participants,
    }),
  }),
  revoke_screen_share_permission: route('revoke_screen_share_permission', {
    operation: revokeScreenSharePermission,
    input: (roomName, c) => ({ roomName, participants: c.participants }),
    event: (r) => ({
      message: 'screen_share_permissions_updated',
      grant: false,
      participants: r.participants,
    }),
  }),
  enable_microphone_restrictions: route('enable_microphone_restrictions', {
    operation: enableMicrophoneRestrictions,
    input: (roomName, c) => ({ roomName, unrestrictedParticipants: c.unrestricted_participants }),
    event: (r) => ({
      message: 'microphone_restrictions_enabled',
      unrestricted_participants:
        r.microphone_restriction_state.type === 'enabled'
          ? r.microphone_restriction_state.unrestricted_participants
          : [],
    }),
  }),
  disable_microphone_restrictions: route('disable_microphone_restrictions', {
    operation: disableMicrophoneRestrictions,
    input: (roomName) => ({ roomName }),
    event: () => ({ message: 'microphone_restrictions_disabled' }),
  }),
  request_popout_stream_access_token: route('request_popout_stream_access_token', {
    operation: requestPopoutToken,
    input: (roomName) => ({ roomName }),
    event: (r) => ({ message: 'popout_stream_access_token', token: r.token }),
  }),
};

/**
 * OpenTalk's names for our refusals: a missing permission is `insufficient_permissions`, LiveKit
 * down or refusing our key is `livekit_unavailable`; the rest keep Moderato's code in the same
 * envelope (docs/rest-api.md).
 */
function openTalkError(code: ErrorCode): string {
  if (code === 'forbidden') return 'insufficient_permissions';
  if (code === 'upstream_unavailable' || code === 'upstream_misconfigured') {
    return 'livekit_unavailable';
  }
  return code;
}

/** One command from the body, run as its operation, answered as OpenTalk's event or error. */
export async function handleRoomCommand(request: Request, roomName: string): Promise<Response> {
  const headers = { 'Cache-Control': 'no-store' };
  try {
    if (request.method !== 'POST') {
      throw new DomainError('method_not_allowed', 'Use POST on this path.');
    }
    const actor = await resolveCaller({ request, source: 'api' });
    if (!actor) throw new DomainError('unauthenticated', 'Sign in or send an API key.');
    const command: OpenTalkCommand = parseInput(openTalkCommandSchema, await jsonBody(request));
    const commandRoute = COMMANDS[command.action];
    const result = await runOperation(
      commandRoute.operation,
      actor,
      commandRoute.input(roomName, command),
    );
    return Response.json(commandRoute.event(result, command), { headers });
  } catch (err) {
    const { code } = toDomainError(err);
    const body: OpenTalkErrorEvent = { message: 'error', error: openTalkError(code) };
    return Response.json(body, {
      status: httpStatusFor(code),
      headers: code === 'method_not_allowed' ? { ...headers, Allow: 'POST' } : headers,
    });
  }
}
