import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, describe, expect, it } from 'vitest';

import {
  createSignInThrottle,
  delayAfter,
  SIGN_IN_POLICY,
  type SignInAttempt,
  type SignInPolicy,
  type SignInThrottle,
} from './sign-in-throttle';
import { testThrottleStores } from './test-throttle-stores';

// Small numbers so each rule shows within a few attempts and waits of 1–2 s.
const POLICY: SignInPolicy = {
  windowSeconds: 60,
  firstDelaySeconds: 1,
  maxDelaySeconds: 2,
  underAttackAfter: 12,
  free: {
    pair: { normal: 3, underAttack: 1 },
    client: { normal: 6, underAttack: 2 },
    password: { normal: 4, underAttack: 1 },
  },
};

const stores = await testThrottleStores();

afterAll(async () => {
  await Promise.all(stores.map((s) => s.destroy()));
});

let serial = 0;
const unique = (what: string) => `${what}-${++serial}`;
const attempt = (username: string, client: string, password = unique('guess')): SignInAttempt => ({
  username,
  client,
  password,
});

/** Admits and, like a wrong password, leaves the attempt counted. */
async function fail(throttle: SignInThrottle, a: SignInAttempt) {
  return throttle.admit(a);
}

describe('delayAfter', () => {
  it('doubles from the first delay after the free attempts and stops at the cap', () => {
    const waits = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => delayAfter(n, 5, SIGN_IN_POLICY));
    expect(waits).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8, 10, 10]);
  });
});

describe.each(stores)('sign-in throttle ($kind store)', (backing) => {
  const throttle = () =>
    createSignInThrottle({ store: backing.create(60), secret: 'test-secret', policy: POLICY });

  it('slows one client guessing one username, but never the same user from another client', async () => {
    const t = throttle();
    // The allowance goes through at once; its last attempt shuts a gate behind it.
    for (let i = 0; i < POLICY.free.pair.normal; i++) {
      expect(await fail(t, attempt('Admin', '203.0.113.7'))).toEqual({ admitted: true });
    }
    const refused = await t.admit(attempt('ADMIN ', '203.0.113.7', 'the-right-one'));
    expect(refused).toEqual({ admitted: false, retryAfterSeconds: 1, limits: ['pair'] });

    // The real admin elsewhere: no lockout an anonymous attacker can cause.
    const elsewhere = attempt('admin', '198.51.100.20', 'the-right-one');
    expect(await t.admit(elsewhere)).toEqual({ admitted: true });
    await t.succeeded(elsewhere);
  });

  it('grows the wait exponentially up to a bounded cap, and waiting it out lets the next one in', async () => {
    const t = throttle();
    const client = '203.0.113.8';
    for (let i = 0; i < POLICY.free.pair.normal; i++) await fail(t, attempt('bob', client));
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      const refused = await t.admit(attempt('bob', client));
      if (refused.admitted) throw new Error('expected a wait');
      waits.push(refused.retryAfterSeconds);
      await sleep(refused.retryAfterSeconds * 1000 + 50);
      expect((await fail(t, attempt('bob', client))).admitted).toBe(true);
    }
    expect(waits).toEqual([1, 2, 2]);
    expect(Math.max(...waits)).toBeLessThanOrEqual(POLICY.maxDelaySeconds);
  });

  it('does not count refused attempts: hammering never makes the wait longer', async () => {
    const t = throttle();
    const client = '203.0.113.9';
    for (let i = 0; i < POLICY.free.pair.normal; i++) await fail(t, attempt('carol', client));
    for (let i = 0; i < 20; i++) {
      const res = await t.admit(attempt('carol', client));
      expect(res).toMatchObject({ admitted: false, retryAfterSeconds: 1 });
    }
  });

  it('counts a parallel burst before answering any of it', async () => {
    const t = throttle();
    const burst = await Promise.all(
      Array.from({ length: 20 }, () => t.admit(attempt('dave', '203.0.113.10'))),
    );
    // Exactly the allowance: the attempts beyond it were counted before any was answered.
    expect(burst.filter((r) => r.admitted)).toHaveLength(POLICY.free.pair.normal);
  });

  it('forgives the pair after a success, but keeps the client’s failures on other accounts', async () => {
    const t = throttle();
    const client = '203.0.113.11';
    await fail(t, attempt('erin', client));
    await fail(t, attempt('erin', client));
    const right = attempt('erin', client, 'erin-password');
    expect(await t.admit(right)).toEqual({ admitted: true });
    await t.succeeded(right);
    // Two more failures would have reached the pair's allowance (3) had it not started afresh.
    expect(await fail(t, attempt('erin', client))).toEqual({ admitted: true });
    expect(await fail(t, attempt('erin', client))).toEqual({ admitted: true });
    // The client's 4 failures still count: 2 more on other accounts reach its allowance (6).
    expect(await fail(t, attempt(unique('someone'), client))).toEqual({ admitted: true });
    expect(await fail(t, attempt(unique('someone'), client))).toEqual({ admitted: true });
    expect(await t.admit(attempt(unique('someone'), client))).toMatchObject({
      admitted: false,
      limits: ['client'],
    });
  });

  it('slows one client cycling through many usernames', async () => {
    const t = throttle();
    const results = [];
    for (let i = 0; i < POLICY.free.client.normal + 3; i++) {
      results.push(await fail(t, attempt(unique('user'), '203.0.113.12')));
    }
    expect(results.slice(0, POLICY.free.client.normal).every((r) => r.admitted)).toBe(true);
    expect(results.at(-1)).toMatchObject({ admitted: false, limits: ['client'] });
  });

  it('slows one password sprayed over many usernames from many clients', async () => {
    const t = throttle();
    const sprayed = unique('Spring2025!');
    const results = [];
    for (let i = 0; i < POLICY.free.password.normal + 3; i++) {
      results.push(await fail(t, attempt(unique('user'), `198.18.0.${i + 1}`, sprayed)));
    }
    expect(results.slice(0, POLICY.free.password.normal).every((r) => r.admitted)).toBe(true);
    expect(results.at(-1)).toMatchObject({ admitted: false, limits: ['password'] });
    // Anyone else's password is untouched.
    expect(await t.admit(attempt(unique('user'), '198.18.1.1'))).toEqual({ admitted: true });
  });

  it('shrinks every allowance once failures pile up across accounts, yet admits a fresh client', async () => {
    const t = throttle();
    for (let i = 0; i <= POLICY.underAttackAfter; i++) {
      await fail(t, attempt(unique('user'), `198.19.0.${i + 1}`));
    }
    // Under attack a pair gets one attempt before waits start, instead of three.
    const client = '198.19.1.1';
    expect(await fail(t, attempt('frank', client))).toEqual({ admitted: true });
    expect(await t.admit(attempt('frank', client))).toMatchObject({
      admitted: false,
      limits: ['pair'],
    });
    expect(await t.admit(attempt('frank', '198.19.1.2', 'franks-password'))).toEqual({
      admitted: true,
    });
  });

  it('keys an IPv6 client by its /64, so rotating addresses buys nothing', async () => {
    const t = throttle();
    const results = [];
    for (let i = 0; i < POLICY.free.pair.normal + 2; i++) {
      results.push(await fail(t, attempt('gina', `2001:db8:7:7::${(i + 1).toString(16)}`)));
    }
    expect(results.at(-1)).toMatchObject({ admitted: false, limits: ['pair'] });
  });
});

describe.each(stores.filter((s) => s.kind === 'redis'))('sign-in throttle in Redis', (backing) => {
  it('shares counts between instances and stores no username, address or password', async () => {
    const one = createSignInThrottle({
      store: backing.create(60, 'shared'),
      secret: 'test-secret',
      policy: POLICY,
    });
    const two = createSignInThrottle({
      store: backing.create(60, 'shared'),
      secret: 'test-secret',
      policy: POLICY,
    });
    for (let i = 0; i < POLICY.free.pair.normal; i++) {
      await fail(i % 2 ? one : two, attempt('henry', '203.0.113.50', 'hunter2-secret'));
    }
    expect(await one.admit(attempt('henry', '203.0.113.50'))).toMatchObject({ admitted: false });
    expect(await two.admit(attempt('henry', '203.0.113.50'))).toMatchObject({ admitted: false });

    const keys = await backing.keys();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.join(' ')).not.toMatch(/henry|203\.0\.113|hunter2/);
  });
});
