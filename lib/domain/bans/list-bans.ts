import 'server-only';

import { banListSchema } from '@/lib/contracts/bans';
import { listBans as listStoredBans } from '@/lib/db/bans';
import { listBansInputSchema } from '@/lib/schemas/bans';

import { defineOperation } from '../operation';

import { canSeeBan, toBanDto } from './ban-rules';

/** The bans the caller may see (docs/bans.md), expired and lifted ones included, newest first. */
export const listBans = defineOperation({
  name: 'listBans',
  summary: 'List bans',
  description:
    'Newest first, at most 1,000; expired and lifted bans stay listed (`expiresAtMs`, `liftedAtMs`). A tenant-bound caller sees its tenant’s bans only.',
  tag: 'Participants',
  input: listBansInputSchema,
  output: banListSchema,
  permission: 'participants.ban',
  http: { method: 'GET', path: '/bans' },
  audit: { action: 'bans.listed' },
  errors: [],
  async act({ actor }) {
    const bans = await listStoredBans();
    return { bans: bans.filter((ban) => canSeeBan(actor, ban)).map(toBanDto) };
  },
});
