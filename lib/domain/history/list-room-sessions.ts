import 'server-only';

import { roomSessionPageSchema } from '@/lib/contracts/history';
import { historyFiltersInputSchema } from '@/lib/schemas/history';

import { defineOperation } from '../operation';

import { queryVisibleSessions } from './history-scope';

/** Room sessions, live and ended, newest first: the History page. */
export const listRoomSessions = defineOperation({
  name: 'listRoomSessions',
  summary: 'List room sessions',
  description:
    'Live and ended room sessions recorded from webhooks and reconciliation, newest start first, with their peak and total participants. `from`/`to` keep the sessions live at some point in that range. Pass `nextCursor` back as `cursor` for the next page. A tenant-bound caller sees its tenant’s sessions only.',
  tag: 'Rooms',
  input: historyFiltersInputSchema,
  output: roomSessionPageSchema,
  permission: 'rooms.read',
  http: { method: 'GET', path: '/history/rooms' },
  audit: { action: 'history.listed', target: () => ({}) },
  errors: [],
  act: ({ actor }, filters) => queryVisibleSessions(actor, filters),
});
