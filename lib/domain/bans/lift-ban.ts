import 'server-only';

import { banSchema } from '@/lib/contracts/bans';
import { findBanById, liftBan as liftStoredBan } from '@/lib/db/bans';
import { liftBanInputSchema } from '@/lib/schemas/bans';

import { DomainError } from '../errors';
import { defineOperation } from '../operation';

import { findVisibleBan, toBanDto } from './ban-rules';

/**
 * Unban: the identity may join again from now on (enforcement reads the store on every join, so
 * every instance honours it at once). Tokens LiveKit Cloud revoked stay revoked: they need a new one.
 */
export const liftBan = defineOperation({
  name: 'liftBan',
  summary: 'Lift a ban',
  description:
    'The identity may join again at once. Lifting a lifted ban answers 409; another tenant’s ban is 404.',
  tag: 'Participants',
  input: liftBanInputSchema,
  output: banSchema,
  permission: 'participants.ban',
  http: { method: 'DELETE', path: '/bans/{banId}' },
  audit: {
    action: 'ban.lifted',
    target: () => ({}),
    params: ({ banId }) => ({ banId }),
  },
  errors: ['not_found', 'conflict'],
  async act({ actor, auditParams }, { banId }) {
    const ban = await findVisibleBan(actor, banId);
    // Only once visible: a masked attempt must not put another tenant's identity in the log.
    auditParams.identity = ban.identity;
    auditParams.roomName = ban.roomName;
    if (!(await liftStoredBan(ban.id, actor.username, Date.now()))) {
      throw new DomainError('conflict', `The ban of ${ban.identity} is already lifted.`);
    }
    const lifted = await findBanById(ban.id);
    if (!lifted) throw new Error(`Ban ${ban.id} vanished while being lifted`);
    return toBanDto(lifted);
  },
});
