import { open, stat } from 'node:fs/promises';
import path from 'node:path';

import { expect } from '@playwright/test';

/**
 * The main dashboard's own output (`next start` stdout and stderr), which playwright.config.ts
 * copies into this file with `tee` as it starts the server.
 */
export const DASHBOARD_LOG = '.data/e2e-main/server.log';

const file = path.join(__dirname, '../..', DASHBOARD_LOG);

/** A stack frame (`    at fn (file:1:2)`, `at ignore-listed frames`) or Next's error marker. */
const STACK_LINE = /^\s*at\s|⨯/;

/** Where the log ends now: read what the server writes from here on with `logSince`. */
export async function logOffset(): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    throw new Error(
      `${DASHBOARD_LOG} is missing: the dashboard on the e2e port must be started by ` +
        'playwright.config.ts (stop a server you started yourself).',
    );
  }
}

/** What the server logged after `offset`, once it has had a moment to write it. */
export async function logSince(offset: number): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 500));
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.alloc(Math.max(0, size - offset));
    await handle.read(buffer, 0, buffer.length, offset);
    return buffer.toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Asserts that nothing the server logged after `offset` is part of a stack trace. */
export async function expectNoStackTrace(offset: number, context: string): Promise<void> {
  const text = await logSince(offset);
  const stacks = text.split('\n').filter((line) => STACK_LINE.test(line));
  expect(stacks, `${context} — the server logged:\n${text.slice(0, 4000)}`).toEqual([]);
}
