// GET /api/v1/rooms – every active room the caller may see
import { listRooms } from '@/lib/domain/rooms/list-rooms';
import { withActor } from '@/lib/http/with-actor';

export const GET = withActor(async ({ actor }) => ({ rooms: await listRooms(actor) }));
