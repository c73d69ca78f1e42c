'use server';

import { createRoom } from '@/lib/domain/rooms/create-room';
import { deleteRoom } from '@/lib/domain/rooms/delete-room';
import { sendData } from '@/lib/domain/rooms/send-data';
import { updateRoomMetadata } from '@/lib/domain/rooms/update-room-metadata';
import type { CreateRoomInput, UpdateRoomMetadataInput } from '@/lib/schemas/rooms';
import type { SendDataInput } from '@/lib/schemas/participants';

import { runAction } from './run-action';

export async function createRoomAction(input: CreateRoomInput) {
  return runAction((actor) => createRoom(actor, input));
}

export async function deleteRoomAction(input: { roomName: string }) {
  return runAction((actor) => deleteRoom(actor, input));
}

export async function updateRoomMetadataAction(input: UpdateRoomMetadataInput) {
  return runAction((actor) => updateRoomMetadata(actor, input));
}

export async function sendDataAction(input: SendDataInput) {
  return runAction((actor) => sendData(actor, input));
}
