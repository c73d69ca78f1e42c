import type { QueryClient } from '@tanstack/react-query';

import type { EmbedPortalDto } from '@/lib/contracts/embed-portals';
import { embedPortalKeys } from '@/lib/queries/keys';

import { upsertNewestFirst } from './upsert-newest-first';

/** Puts the action's answer into the portals list at once (new or revoked), then refetches it. */
export function upsertEmbedPortal(queryClient: QueryClient, portal: EmbedPortalDto): void {
  upsertNewestFirst(queryClient, embedPortalKeys.list(), portal);
}
