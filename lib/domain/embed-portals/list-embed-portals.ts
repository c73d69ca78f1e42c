import 'server-only';

import { embedPortalListSchema } from '@/lib/contracts/embed-portals';
import { listEmbedPortals as listStoredPortals } from '@/lib/db/embed-portals';
import { listEmbedPortalsInputSchema } from '@/lib/schemas/embed-portals';

import { defineOperation } from '../operation';

import { canSeePortal, toEmbedPortalDto } from './portal-rules';

/** The portals the admin may manage, revoked ones included, newest first. */
export const listEmbedPortals = defineOperation({
  name: 'listEmbedPortals',
  summary: 'List embedding portals',
  description: 'Revoked portals stay listed (with `revokedAtMs`); their secrets never are.',
  tag: 'Users',
  input: listEmbedPortalsInputSchema,
  output: embedPortalListSchema,
  permission: 'keys.manage',
  http: { method: 'GET', path: '/embed-portals' },
  audit: { action: 'portals.listed' },
  errors: [],
  async act({ actor }) {
    const portals = await listStoredPortals();
    return {
      portals: portals.filter((portal) => canSeePortal(actor, portal)).map(toEmbedPortalDto),
    };
  },
});
