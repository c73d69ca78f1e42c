import { auditActionFamily } from '@/lib/contracts/audit';

export interface AuditActionGroup {
  /** `user.*` */
  family: string;
  /** Sorted. */
  actions: string[];
}

/** Actions grouped by family (`user.created`, `user.disabled` → `user.*`), families sorted. */
export function groupAuditActions(actions: readonly string[]): AuditActionGroup[] {
  const groups = new Map<string, string[]>();
  for (const action of actions) {
    const family = auditActionFamily(action);
    groups.set(family, [...(groups.get(family) ?? []), action]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([family, members]) => ({ family, actions: [...members].sort() }));
}
