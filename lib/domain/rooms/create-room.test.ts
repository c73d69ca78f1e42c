import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { queryAuditEvents } from '@/lib/db/audit';
import { startTestLiveKit, testActor, uniqueRoom, type TestLiveKit } from '@/test/standin';

import { DomainError } from '../errors';
import { runOperation as run } from '../run-operation';

import { createRoom } from './create-room';

// Room names are global in LiveKit: what a tenant-bound admin is told about a taken one.
let lk: TestLiveKit;
const acmeAdmin = testActor('admin', 'acme');
const acmeRoom = uniqueRoom('acme');
const globexRoom = uniqueRoom('globex');

beforeAll(async () => {
  lk = await startTestLiveKit();
  await lk.rooms.createRoom({ name: acmeRoom, metadata: JSON.stringify({ auth_id: 'acme' }) });
  await lk.rooms.createRoom({ name: globexRoom, metadata: JSON.stringify({ auth_id: 'globex' }) });
});

afterAll(async () => {
  await lk?.close();
});

async function refusal(promise: Promise<unknown>) {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(err)}`);
  const { code, message, fieldErrors } = err;
  // Everything the caller sees, with the name itself taken out.
  return JSON.stringify({ code, message, fieldErrors }).replaceAll(/(acme|globex)-[\w-]+/g, 'NAME');
}

describe('createRoom with a taken name', () => {
  it('answers a tenant-bound admin the same for another tenant’s room as for its own', async () => {
    const foreign = await refusal(run(createRoom, acmeAdmin, { roomName: globexRoom }));
    const own = await refusal(run(createRoom, acmeAdmin, { roomName: acmeRoom }));
    expect(foreign).toBe(own);
    expect(foreign).not.toMatch(/exist|globex/i);
    expect(JSON.parse(foreign)).toMatchObject({
      code: 'invalid_input',
      message: 'This name is not available. Choose another.',
    });
    // The audit log, which tenant admins read, says no more than the answer did.
    const { events } = await queryAuditEvents({ action: 'room.created', limit: 2 });
    expect(events.map((e) => e.errorCode)).toEqual(['invalid_input', 'invalid_input']);
    // The other tenant's room is untouched.
    const [stored] = await lk.rooms.listRooms([globexRoom]);
    expect(JSON.parse(stored!.metadata)).toEqual({ auth_id: 'globex' });
  });

  it('tells an unbound admin, who sees every room anyway, that it exists', async () => {
    const err = await run(createRoom, testActor('admin'), { roomName: globexRoom }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/already exists/),
    });
  });
});
