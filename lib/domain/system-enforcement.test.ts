import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, afterEach, describe, expect, it } from 'vitest';

import { queryAuditEvents } from '@/lib/db/audit';

import { observeAudit, type SettledAudit } from './audit-observers';
import { DomainError } from './errors';
import { auditEnforcement, systemActor } from './system-enforcement';

// Enforcement (bans, room locks, microphone restrictions) is audited like a moderator's action,
// by a system actor of the room's tenant, and observed (the timeline hears it).
process.env.MODERATO_DATA_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'moderato-test-'));
const heard: SettledAudit[] = [];
const stop = observeAudit((entry) => heard.push(entry));
afterEach(() => {
  heard.length = 0;
});
afterAll(stop);

const attempt = (identity: string) => ({
  actor: systemActor('room-lock', 'Room lock', 'acme'),
  action: 'participant.lock_enforced',
  target: { roomName: 'enforcement-room', identity },
  params: { via: 'test' },
});

async function rowsOf(identity: string) {
  return (await queryAuditEvents({ roomName: 'enforcement-room', identity })).events;
}

describe('auditEnforcement', () => {
  it('writes a success row by the system actor, in the room’s tenant, when the step acted', async () => {
    expect(await auditEnforcement(attempt('eve'), async () => true)).toBe(true);
    expect(await rowsOf('eve')).toEqual([
      expect.objectContaining({
        action: 'participant.lock_enforced',
        outcome: 'success',
        source: 'system',
        actorId: 'system:room-lock',
        actorName: 'room lock',
        tenant: 'acme',
      }),
    ]);
    expect(heard).toEqual([expect.objectContaining({ outcome: 'success' })]);
  });

  it('writes nothing when there was nothing to do, and answers the step’s own result', async () => {
    const outcome = await auditEnforcement(
      attempt('gone'),
      async () => 'already',
      (result) => result !== 'already',
    );
    expect(outcome).toBe('already');
    expect(await rowsOf('gone')).toEqual([]);
    expect(heard).toEqual([]);
  });

  it('writes an error row with the code when the step fails, and rethrows', async () => {
    const failure = new DomainError('upstream_unavailable', 'LiveKit is down');
    await expect(auditEnforcement(attempt('mallory'), () => Promise.reject(failure))).rejects.toBe(
      failure,
    );
    expect(await rowsOf('mallory')).toEqual([
      expect.objectContaining({ outcome: 'error', errorCode: 'upstream_unavailable' }),
    ]);
    expect(heard).toEqual([expect.objectContaining({ outcome: 'error' })]);
  });
});
