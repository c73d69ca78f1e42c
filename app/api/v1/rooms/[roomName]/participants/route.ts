// GET /api/v1/rooms/:roomName/participants – participants of one room
import { listParticipants } from '@/lib/domain/participants/list-participants';
import { withActor } from '@/lib/http/with-actor';

export const GET = withActor<{ roomName: string }>(async ({ actor, params }) => ({
  participants: await listParticipants(actor, params),
}));
