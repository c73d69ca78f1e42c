import 'server-only';

import type { z } from 'zod';

import { createApiKey } from './api-keys/create-api-key';
import { listApiKeys } from './api-keys/list-api-keys';
import { revokeApiKey } from './api-keys/revoke-api-key';
import { exportAuditEvents } from './audit/export-audit-events';
import { listAuditEvents } from './audit/list-audit-events';
import { banParticipant } from './bans/ban-participant';
import { liftBan } from './bans/lift-ban';
import { listBans } from './bans/list-bans';
import { applyPermissionPreset } from './bulk/apply-permission-preset';
import { cancelBulkRun } from './bulk/cancel-bulk-run';
import { forceMuteInBulk } from './bulk/force-mute-in-bulk';
import { muteTracksInBulk } from './bulk/mute-tracks-in-bulk';
import { removeParticipantsInBulk } from './bulk/remove-participants-in-bulk';
import { createEmbedPortal } from './embed-portals/create-embed-portal';
import { listEmbedPortals } from './embed-portals/list-embed-portals';
import { revokeEmbedPortal } from './embed-portals/revoke-embed-portal';
import { exportRoomSessions } from './history/export-room-sessions';
import { getRoomSession } from './history/get-room-session';
import { listRoomEvents } from './history/list-room-events';
import { listRoomSessions } from './history/list-room-sessions';
import { getLiveKitStatus } from './livekit/get-livekit-status';
import { getWebhookHealth } from './livekit/get-webhook-health';
import { recordConsentAnswer } from './consent/record-consent-answer';
import { requestCamera } from './consent/request-camera';
import { requestUnmute } from './consent/request-unmute';
import { createAccessToken } from './moderation/create-access-token';
import { disableMicrophoneRestrictions } from './moderation/disable-microphone-restrictions';
import { enableMicrophoneRestrictions } from './moderation/enable-microphone-restrictions';
import { forceMute } from './moderation/force-mute';
import { getMicrophoneRestrictions } from './moderation/get-microphone-restrictions';
import { grantScreenSharePermission } from './moderation/grant-screen-share-permission';
import { requestPopoutToken } from './moderation/request-popout-token';
import { revokeScreenSharePermission } from './moderation/revoke-screen-share-permission';
import type { AnyOperation, Operation } from './operation';
import { getParticipant } from './participants/get-participant';
import { getParticipantSubscriptions } from './participants/get-participant-subscriptions';
import { listParticipants } from './participants/list-participants';
import { moveParticipant } from './participants/move-participant';
import { muteTrack } from './participants/mute-track';
import { removeParticipant } from './participants/remove-participant';
import { searchParticipants } from './participants/search-participants';
import { updateParticipant } from './participants/update-participant';
import { updatePermissions } from './participants/update-permissions';
import { updateSubscriptions } from './participants/update-subscriptions';
import { createPermissionPreset } from './presets/create-permission-preset';
import { deletePermissionPreset } from './presets/delete-permission-preset';
import { listPermissionPresets } from './presets/list-permission-presets';
import { createRoom } from './rooms/create-room';
import { getRoomLock } from './room-locks/get-room-lock';
import { listRoomLocks } from './room-locks/list-room-locks';
import { lockRoom } from './room-locks/lock-room';
import { resumeActivity } from './room-locks/resume-activity';
import { suspendActivity } from './room-locks/suspend-activity';
import { unlockRoom } from './room-locks/unlock-room';
import { deleteRoom } from './rooms/delete-room';
import { getRoom } from './rooms/get-room';
import { listRooms } from './rooms/list-rooms';
import { sendData } from './rooms/send-data';
import { updateRoomMetadata } from './rooms/update-room-metadata';
import { generateToken } from './tokens/generate-token';
import { getJoinLinkTemplate } from './tokens/get-join-link-template';
import { setJoinLinkTemplate } from './tokens/set-join-link-template';
import { createUser } from './users/create-user';
import { listUserSessions } from './users/list-user-sessions';
import { listUsers } from './users/list-users';
import { resetPassword } from './users/reset-password';
import { revokeUserSessions } from './users/revoke-user-sessions';
import { setUserDisabled } from './users/set-user-disabled';
import { updateUser } from './users/update-user';

/**
 * Every operation, keyed by its name. The doors — server actions, /api/v1, the OpenAPI document —
 * and the authorization tests are derived from this object; adding an operation here is all it
 * takes to expose it everywhere (docs/ARCHITECTURE.md, "Adding an operation").
 */
export const OPERATIONS = {
  listRooms,
  getRoom,
  createRoom,
  deleteRoom,
  updateRoomMetadata,
  sendData,
  listParticipants,
  getParticipant,
  searchParticipants,
  removeParticipant,
  banParticipant,
  listBans,
  liftBan,
  updatePermissions,
  updateParticipant,
  updateSubscriptions,
  getParticipantSubscriptions,
  moveParticipant,
  muteTrack,
  requestUnmute,
  requestCamera,
  recordConsentAnswer,
  muteTracksInBulk,
  forceMuteInBulk,
  removeParticipantsInBulk,
  applyPermissionPreset,
  listPermissionPresets,
  createPermissionPreset,
  deletePermissionPreset,
  cancelBulkRun,
  forceMute,
  getMicrophoneRestrictions,
  enableMicrophoneRestrictions,
  disableMicrophoneRestrictions,
  grantScreenSharePermission,
  revokeScreenSharePermission,
  createAccessToken,
  requestPopoutToken,
  getRoomLock,
  listRoomLocks,
  lockRoom,
  unlockRoom,
  suspendActivity,
  resumeActivity,
  generateToken,
  getJoinLinkTemplate,
  setJoinLinkTemplate,
  listUsers,
  createUser,
  updateUser,
  setUserDisabled,
  resetPassword,
  listUserSessions,
  revokeUserSessions,
  listApiKeys,
  createApiKey,
  revokeApiKey,
  listEmbedPortals,
  createEmbedPortal,
  revokeEmbedPortal,
  listAuditEvents,
  exportAuditEvents,
  getLiveKitStatus,
  listRoomSessions,
  getRoomSession,
  exportRoomSessions,
  listRoomEvents,
  getWebhookHealth,
} as const;

export type Operations = typeof OPERATIONS;
export type OperationName = keyof Operations;
export type OperationInput<N extends OperationName> =
  Operations[N] extends Operation<infer I, unknown> ? z.input<I> : never;
export type OperationOutput<N extends OperationName> =
  Operations[N] extends Operation<z.ZodType, infer O> ? O : never;

export const OPERATION_LIST: readonly AnyOperation[] = Object.values(OPERATIONS) as AnyOperation[];

/** The operation of that name, or undefined — never an inherited property of the object. */
export function findOperation(name: unknown): AnyOperation | undefined {
  if (typeof name !== 'string' || !Object.hasOwn(OPERATIONS, name)) return undefined;
  return OPERATIONS[name as OperationName] as AnyOperation;
}
