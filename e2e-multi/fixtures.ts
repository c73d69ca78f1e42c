import {
  test as base,
  expect,
  request as playwrightRequest,
  type APIRequestContext,
  type Page,
} from '@playwright/test';

import { ACCOUNTS, LiveKitSeeder, signIn, uniqueSuffix, type AccountName } from '../e2e/fixtures';

import { instanceUrl, STANDIN_URL, type InstanceName } from './support/cluster';

/**
 * Fixtures of the multi-instance specs. There is no single baseURL: each page or API context is
 * opened on the instance a step talks to, signed in there (sessions live in the shared store, so
 * a cookie from one instance is valid on the other — the specs still sign in where they act).
 */
type Fixtures = {
  /** Rooms and participants on the shared stand-in, deleted when the test ends. */
  livekit: LiveKitSeeder;
  /** A page on `instance`, signed in as `account` (a demo account). */
  pageOn: (instance: InstanceName, account?: AccountName) => Promise<Page>;
  /** An API context on `instance`, signed in as `account`; writes carry that instance's Origin. */
  apiOn: (instance: InstanceName, account?: AccountName) => Promise<APIRequestContext>;
};

async function sessionOn(instance: InstanceName, account: AccountName) {
  const { username, password } = ACCOUNTS[account];
  const { ok, state } = await signIn(instanceUrl(instance), username, password);
  if (!ok) throw new Error(`Demo sign-in as ${username} failed on instance ${instance}`);
  return state;
}

export const test = base.extend<Fixtures>({
  livekit: async ({}, provide) => {
    const seeder = new LiveKitSeeder(STANDIN_URL, `multi-${uniqueSuffix()}`);
    await provide(seeder);
    await seeder.cleanup();
  },
  pageOn: async ({ browser }, provide) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await provide(async (instance, account = 'admin') => {
      const context = await browser.newContext({
        baseURL: instanceUrl(instance),
        storageState: await sessionOn(instance, account),
      });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
  apiOn: async ({}, provide) => {
    const contexts: APIRequestContext[] = [];
    await provide(async (instance, account = 'admin') => {
      const context = await playwrightRequest.newContext({
        baseURL: instanceUrl(instance),
        storageState: await sessionOn(instance, account),
        extraHTTPHeaders: { origin: instanceUrl(instance) },
      });
      contexts.push(context);
      return context;
    });
    await Promise.all(contexts.map((context) => context.dispose()));
  },
});

export { expect };
