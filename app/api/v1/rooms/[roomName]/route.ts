// GET /api/v1/rooms/:roomName – one room
import { getRoom } from '@/lib/domain/rooms/get-room';
import { withActor } from '@/lib/http/with-actor';

export const GET = withActor<{ roomName: string }>(({ actor, params }) => getRoom(actor, params));
