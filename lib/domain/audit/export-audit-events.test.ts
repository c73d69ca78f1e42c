import { describe, expect, it } from 'vitest';

import type { AuditEventDto } from '@/lib/contracts/dto';

import { auditEventsToCsv } from './export-audit-events';

const event = (over: Partial<AuditEventDto>): AuditEventDto => ({
  id: '1',
  atMs: Date.UTC(2026, 10, 20, 12, 0, 0),
  actorId: 'u1',
  actorName: 'alice',
  role: 'moderator',
  tenant: null,
  action: 'track.muted',
  roomName: 'standup',
  identity: 'bob',
  trackSid: 'TR_AM1',
  params: null,
  outcome: 'success',
  errorCode: null,
  source: 'ui',
  ...over,
});

describe('auditEventsToCsv', () => {
  it('writes a header and one ISO-timed row per event', () => {
    const csv = auditEventsToCsv([event({})]);
    const [header, row] = csv.trimEnd().split('\r\n');
    expect(header).toBe(
      'id,time,actorName,role,tenant,action,roomName,identity,trackSid,params,outcome,errorCode,source',
    );
    expect(row).toBe(
      '1,2026-11-20T12:00:00.000Z,alice,moderator,,track.muted,standup,bob,TR_AM1,,success,,ui',
    );
  });

  it('quotes commas, quotes and newlines, and serialises params as JSON', () => {
    const csv = auditEventsToCsv([event({ roomName: 'a,"b"\nc', params: { muted: true } })]);
    expect(csv).toContain('"a,""b""\nc"');
    expect(csv).toContain('"{""muted"":true}"');
  });

  it('defuses spreadsheet formulas in user-controlled cells', () => {
    const csv = auditEventsToCsv([event({ identity: '=HYPERLINK("http://x")' })]);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
  });
});
