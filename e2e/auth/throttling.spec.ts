import { randomBytes, randomInt } from 'node:crypto';

import { type APIRequestContext, expect, test } from '@playwright/test';

/**
 * Sign-in throttling as an attacker meets it. The e2e dashboard trusts one proxy hop
 * (TRUSTED_PROXY_HOPS=1 in playwright.config.ts), so `x-forwarded-for` plays distinct clients from
 * this one machine — exactly what a reverse proxy in front of Moderato would send. Addresses and
 * names are random per run: counts outlive a run when the server is reused or REDIS_URL is set.
 */
const randomClient = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const MAX_WAIT_SECONDS = 10;

interface Answer {
  /** null = signed in. */
  error: string | null;
  ms: number;
}

/** One credentials sign-in through next-auth's endpoint, as `client`. */
async function attempt(
  request: APIRequestContext,
  client: string,
  username: string,
  password: string,
): Promise<Answer> {
  const headers = { 'x-forwarded-for': client };
  const started = Date.now();
  const { csrfToken } = (await (await request.get('/api/auth/csrf', { headers })).json()) as {
    csrfToken: string;
  };
  const res = await request.post('/api/auth/callback/credentials', {
    headers,
    form: { csrfToken, username, password, json: 'true' },
    maxRedirects: 0,
  });
  const { url } = (await res.json()) as { url: string };
  return { error: new URL(url).searchParams.get('error'), ms: Date.now() - started };
}

const waitOf = (answer: Answer) => /^TooManyAttempts:(\d+)$/.exec(answer.error ?? '')?.[1];

test('an attacker typing wrong passwords for admin cannot stop the real admin signing in', async ({
  page,
  request,
}) => {
  const attacker = randomClient();
  const answers: Answer[] = [];
  // Enough that the old per-username lockout (10 failures) would have locked the account.
  for (let i = 0; i < 12; i++) {
    answers.push(
      await attempt(request, attacker, 'admin', `guess-${randomBytes(4).toString('hex')}`),
    );
  }
  // Its first guesses are simply wrong (the allowance is smaller only while under attack).
  expect(answers[0]!.error).toBe('CredentialsSignin');
  // The attacker is slowed: refused at once with a short, bounded wait, not a hung request.
  const refused = answers.filter(waitOf);
  expect(refused.length).toBeGreaterThan(0);
  for (const answer of refused) {
    expect(Number(waitOf(answer))).toBeLessThanOrEqual(MAX_WAIT_SECONDS);
    expect(answer.ms).toBeLessThan(3_000);
  }

  // Meanwhile the real admin, from their own machine, signs in through the form at once.
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': randomClient() });
  await page.goto('/login');
  await page.getByLabel('Username').fill('admin');
  await page.getByLabel('Password').fill('admin-demo');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).not.toHaveURL(/\/login/);
  const session = (await (await page.request.get('/api/auth/session')).json()) as {
    user?: { username: string };
  };
  expect(session.user?.username).toBe('admin');
});

test('spraying one password over many usernames from many clients gets slowed', async ({
  request,
}) => {
  const sprayed = `Spring-${randomBytes(4).toString('hex')}!`;
  const run = randomBytes(3).toString('hex');
  const answers: Answer[] = [];
  for (let i = 0; i < 12; i++) {
    // A fresh username and a fresh address every time: only the password repeats.
    answers.push(await attempt(request, randomClient(), `spray-${run}-${i}`, sprayed));
  }
  expect(answers[0]!.error).toBe('CredentialsSignin');
  // Most later attempts are refused (a gate that has just passed lets one through), each with a
  // bounded wait.
  const refused = answers.filter(waitOf);
  expect(refused.length).toBeGreaterThanOrEqual(4);
  expect(answers.indexOf(refused[0]!)).toBeGreaterThan(0);
  for (const answer of refused) {
    expect(Number(waitOf(answer))).toBeLessThanOrEqual(MAX_WAIT_SECONDS);
  }
  // A different password from a fresh client is not held up by the spray.
  expect((await attempt(request, randomClient(), `spray-${run}-x`, 'another-guess')).error).toBe(
    'CredentialsSignin',
  );
});
