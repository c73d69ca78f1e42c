'use client';

import { DisabledWhenUnavailable } from '@/components/ui/action-availability';
import { useCan } from '@/lib/queries/actor-context';

import { DeleteRoomButton } from './delete-room-button';
import { EditRoomMetadataDialog } from './edit-room-metadata-dialog';
import { RoomLockActions } from './room-lock/room-lock-actions';
import { SendDataDialog } from './send-data-dialog';

/** The room page's header actions, each shown only when the actor holds its permission. */
export function RoomModerationActions({ roomName }: { roomName: string }) {
  const canUpdate = useCan('rooms.update');
  const canSend = useCan('data.send');
  const canDelete = useCan('rooms.delete');
  const canLock = useCan('rooms.lock');

  return (
    <DisabledWhenUnavailable>
      {canLock ? <RoomLockActions roomName={roomName} /> : null}
      {canUpdate ? <EditRoomMetadataDialog roomName={roomName} /> : null}
      {canSend ? <SendDataDialog roomName={roomName} /> : null}
      {canDelete ? <DeleteRoomButton roomName={roomName} /> : null}
    </DisabledWhenUnavailable>
  );
}
