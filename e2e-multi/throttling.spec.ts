import { randomBytes, randomInt } from 'node:crypto';

import { request as playwrightRequest } from '@playwright/test';

import { expect, test } from './fixtures';
import { instanceUrl, type InstanceName } from './support/cluster';

/**
 * Sign-in throttling counts in Redis, so failures on one instance slow the next attempts on the
 * other (README, "Security model": 5 attempts per username and client, then waits). Clients are
 * played through `x-forwarded-for` (both instances trust one proxy hop, like a load balancer's).
 */

/** One credentials sign-in on `instance` as `client`; the error code next-auth answers with. */
async function attempt(
  instance: InstanceName,
  client: string,
  username: string,
): Promise<string | null> {
  // A context per attempt: parallel attempts must not overwrite each other's CSRF cookie.
  const context = await playwrightRequest.newContext({
    baseURL: instanceUrl(instance),
    extraHTTPHeaders: { 'x-forwarded-for': client },
  });
  try {
    const csrf = await context.get('/api/auth/csrf');
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    const res = await context.post('/api/auth/callback/credentials', {
      form: {
        csrfToken,
        username,
        password: `guess-${randomBytes(4).toString('hex')}`,
        json: 'true',
      },
      maxRedirects: 0,
    });
    const { url } = (await res.json()) as { url: string };
    return new URL(url).searchParams.get('error');
  } finally {
    await context.dispose();
  }
}

test('failed sign-ins on instance A count on instance B', async () => {
  const client = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  const username = `multi-${randomBytes(3).toString('hex')}`;

  // Four failures on A, within the free allowance of five (unless Redis says the deployment is
  // under attack, which shrinks it to two: that makes B's refusals below only more certain).
  expect(await attempt('a', client, username)).toBe('CredentialsSignin');
  for (let i = 0; i < 3; i++) await attempt('a', client, username);
  // Three at once on B. Counted on their own, B's would be the first three (no wait); counted
  // with A's, they are the 5th to 7th: the first to reach the gate passes, the others are told to wait.
  const onB = await Promise.all([0, 1, 2].map(() => attempt('b', client, username)));
  expect(onB.filter((error) => /^TooManyAttempts:\d+$/.test(error ?? '')).length).toBeGreaterThan(
    0,
  );
});
