import 'server-only';

import { MIC_RESTRICTION_ENFORCED_ACTION } from '../moderation/enforce-microphone-restriction';
import { OPERATION_LIST } from '../registry';
import { LOCK_ENFORCED_ACTION } from '../room-locks/enforce-room-lock';
import { SUSPENSION_STEP_AUDIT_ACTIONS } from '../room-locks/suspension-steps';

/** What sign-in records (lib/auth/auth-audit.ts); no operation does. */
export const SIGN_IN_AUDIT_ACTIONS = [
  'auth.signed_in',
  'auth.sign_in_failed',
  'auth.signed_out',
] as const;
export type SignInAuditAction = (typeof SIGN_IN_AUDIT_ACTIONS)[number];

/** What `npm run users` records (scripts/users/cli.ts); it changes accounts without an operation. */
export const USERS_CLI_AUDIT_ACTIONS = [
  'user.created',
  'user.password_reset',
  'user.role_changed',
  'user.tenant_changed',
  'user.disabled',
  'user.enabled',
] as const;
export type UsersCliAuditAction = (typeof USERS_CLI_AUDIT_ACTIONS)[number];

/** What ban enforcement records (lib/live/ban-enforcer.ts): a rejoin removed by the system. */
export const BAN_ENFORCEMENT_AUDIT_ACTIONS = ['participant.ban_enforced'] as const;

/**
 * Every action the audit log can hold, sorted: each operation's (from the registry, so a new
 * operation is listed without anyone writing its action twice), sign-in's and the users CLI's.
 */
export function knownAuditActions(): string[] {
  const actions = new Set<string>([
    ...SIGN_IN_AUDIT_ACTIONS,
    ...USERS_CLI_AUDIT_ACTIONS,
    ...BAN_ENFORCEMENT_AUDIT_ACTIONS,
    MIC_RESTRICTION_ENFORCED_ACTION,
    LOCK_ENFORCED_ACTION,
    ...SUSPENSION_STEP_AUDIT_ACTIONS,
  ]);
  for (const { audit } of OPERATION_LIST) {
    if (typeof audit.action === 'string') actions.add(audit.action);
    else for (const action of audit.actions ?? []) actions.add(action);
  }
  return [...actions].sort();
}
