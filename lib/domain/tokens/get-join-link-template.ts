import 'server-only';

import { joinLinkTemplateSchema } from '@/lib/contracts/tokens';
import { getJoinLinkTemplateInputSchema } from '@/lib/schemas/tokens';

import { defineOperation } from '../operation';

import { joinLinkTemplateFor } from './join-link';

export const getJoinLinkTemplate = defineOperation({
  name: 'getJoinLinkTemplate',
  summary: 'Show the join link template',
  description:
    'The template generateToken builds join links from: the caller’s tenant’s, else the one set for every tenant, else LiveKit Meet’s (`https://meet.livekit.io/custom?liveKitUrl={url}&token={token}`).',
  tag: 'LiveKit',
  input: getJoinLinkTemplateInputSchema,
  output: joinLinkTemplateSchema,
  permission: 'tokens.generate',
  http: { method: 'GET', path: '/livekit/tokens/join-link' },
  audit: { action: 'token.join_link_read', target: () => ({}) },
  errors: [],
  act: ({ actor }) => joinLinkTemplateFor(actor),
});
