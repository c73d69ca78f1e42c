'use server';

import { moveParticipant } from '@/lib/domain/participants/move-participant';
import { muteTrack } from '@/lib/domain/participants/mute-track';
import { removeParticipant } from '@/lib/domain/participants/remove-participant';
import { requestUnmute } from '@/lib/domain/participants/request-unmute';
import { updateParticipant } from '@/lib/domain/participants/update-participant';
import { updatePermissions } from '@/lib/domain/participants/update-permissions';
import { updateSubscriptions } from '@/lib/domain/participants/update-subscriptions';
import type {
  MoveParticipantInput,
  MuteTrackInput,
  RemoveParticipantInput,
  RequestUnmuteInput,
  UpdateParticipantInput,
  UpdatePermissionsInput,
  UpdateSubscriptionsInput,
} from '@/lib/schemas/participants';

import { runAction } from './run-action';

export async function muteTrackAction(input: MuteTrackInput) {
  return runAction((actor) => muteTrack(actor, input));
}

export async function requestUnmuteAction(input: RequestUnmuteInput) {
  return runAction((actor) => requestUnmute(actor, input));
}

export async function removeParticipantAction(input: RemoveParticipantInput) {
  return runAction((actor) => removeParticipant(actor, input));
}

export async function updatePermissionsAction(input: UpdatePermissionsInput) {
  return runAction((actor) => updatePermissions(actor, input));
}

export async function updateParticipantAction(input: UpdateParticipantInput) {
  return runAction((actor) => updateParticipant(actor, input));
}

export async function updateSubscriptionsAction(input: UpdateSubscriptionsInput) {
  return runAction((actor) => updateSubscriptions(actor, input));
}

export async function moveParticipantAction(input: MoveParticipantInput) {
  return runAction((actor) => moveParticipant(actor, input));
}
