import 'server-only';

import {
  DEFAULT_JOIN_LINK_TEMPLATE,
  type JoinLinkPlaceholder,
  type JoinLinkTemplateDto,
} from '@/lib/contracts/tokens';
import { EVERY_TENANT, findSetting, type StoredSetting } from '@/lib/db/settings';

import type { Actor } from '../actor';

/**
 * The join link template that holds for this caller: its tenant's, else the one set for every
 * tenant, else LiveKit Meet's. A tenant's template never reaches another tenant's admins: a link
 * carries the token, so the template decides where tokens are sent.
 */
export async function joinLinkTemplateFor(
  actor: Pick<Actor, 'tenant'>,
): Promise<JoinLinkTemplateDto> {
  if (actor.tenant !== null) {
    const own = await findSetting('join_link_template', actor.tenant);
    if (own) return toDto(own, 'tenant');
  }
  const global = await findSetting('join_link_template', EVERY_TENANT);
  if (global) return toDto(global, 'global');
  return {
    template: DEFAULT_JOIN_LINK_TEMPLATE,
    source: 'default',
    tenant: null,
    updatedBy: null,
    updatedAtMs: null,
  };
}

function toDto(setting: StoredSetting, source: 'global' | 'tenant'): JoinLinkTemplateDto {
  return {
    template: setting.value,
    source,
    tenant: source === 'tenant' ? setting.scope : null,
    updatedBy: setting.updatedBy,
    updatedAtMs: setting.updatedAtMs,
  };
}

/** The template with each placeholder replaced by its value, URL-encoded (a query value or a path segment). */
export function fillJoinLink(
  template: string,
  values: Record<JoinLinkPlaceholder, string>,
): string {
  return template.replace(/\{(url|token|room|identity)\}/g, (_, name: JoinLinkPlaceholder) =>
    encodeURIComponent(values[name]),
  );
}
