import 'server-only';

import { joinLinkTemplateSchema } from '@/lib/contracts/tokens';
import { deleteSetting, EVERY_TENANT, saveSetting } from '@/lib/db/settings';
import { setJoinLinkTemplateInputSchema } from '@/lib/schemas/tokens';

import { DomainError } from '../errors';
import { defineOperation } from '../operation';

import { joinLinkTemplateFor } from './join-link';

/**
 * Sets the join link template for the caller's tenant (a tenant-bound admin) or for every tenant
 * (an unbound one); an empty one removes it, and the wider one applies again. A caller limited to some
 * rooms (an API key) may not: the template decides where everyone's links send tokens.
 */
export const setJoinLinkTemplate = defineOperation({
  name: 'setJoinLinkTemplate',
  summary: 'Set the join link template',
  description:
    'An http(s) URL with `{token}` and optionally `{url}`, `{room}`, `{identity}` (each URL-encoded when filled in); placeholders may not be part of the site. A tenant-bound caller sets its tenant’s template, an unbound caller the one for every tenant; an empty template removes it. A caller limited to some rooms gets 403.',
  tag: 'LiveKit',
  input: setJoinLinkTemplateInputSchema,
  output: joinLinkTemplateSchema,
  permission: 'tokens.generate',
  http: { method: 'PUT', path: '/livekit/tokens/join-link' },
  audit: {
    action: 'token.join_link_updated',
    target: () => ({}),
    params: ({ template }) => ({ template }),
  },
  errors: [],
  async act({ actor }, { template }) {
    if (actor.rooms !== null) {
      throw new DomainError(
        'forbidden',
        'A caller limited to some rooms cannot change the join link template.',
      );
    }
    const scope = actor.tenant ?? EVERY_TENANT;
    if (template === '') {
      await deleteSetting('join_link_template', scope);
    } else {
      await saveSetting({
        name: 'join_link_template',
        scope,
        value: template,
        updatedBy: actor.username,
        updatedAtMs: Date.now(),
      });
    }
    return joinLinkTemplateFor(actor);
  },
});
