import { describe, expect, it } from 'vitest';

import { OPERATION_LIST } from '../registry';

import { knownAuditActions } from './audit-actions';

describe('the known audit actions', () => {
  const actions = knownAuditActions();

  it('list every operation’s, including those chosen by the input', () => {
    for (const { name, audit } of OPERATION_LIST) {
      const own = typeof audit.action === 'string' ? [audit.action] : (audit.actions ?? []);
      expect(own.length, name).toBeGreaterThan(0);
      for (const action of own) expect(actions, name).toContain(action);
    }
    expect(actions).toEqual(expect.arrayContaining(['track.muted', 'track.unmuted']));
  });

  it('list what sign-in and the users CLI record', () => {
    expect(actions).toEqual(
      expect.arrayContaining(['auth.signed_in', 'auth.sign_in_failed', 'user.role_changed']),
    );
  });

  it('are sorted and unique', () => {
    expect(actions).toEqual([...new Set(actions)].sort());
  });
});
