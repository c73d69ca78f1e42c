import { can, type Role } from '@/lib/policy/permissions';

import { DeleteRoomButton } from './delete-room-button';
import { EditRoomMetadataDialog } from './edit-room-metadata-dialog';
import { SendDataDialog } from './send-data-dialog';

/** The room page's header actions, each shown only when the role allows it. */
export function RoomModerationActions({ roomName, role }: { roomName: string; role: Role }) {
  return (
    <>
      {can(role, 'rooms.update') ? <EditRoomMetadataDialog roomName={roomName} /> : null}
      {can(role, 'data.send') ? <SendDataDialog roomName={roomName} /> : null}
      {can(role, 'rooms.delete') ? <DeleteRoomButton roomName={roomName} /> : null}
    </>
  );
}
