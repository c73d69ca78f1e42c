// GET /api/v1/users – the dashboard accounts the caller may manage (admin; `?search=` filters)
import { listUsers } from '@/lib/domain/users/list-users';
import { searchParamsOf, withActor } from '@/lib/http/with-actor';

export const GET = withActor(async ({ actor, request }) => ({
  users: await listUsers(actor, searchParamsOf(request)),
}));
