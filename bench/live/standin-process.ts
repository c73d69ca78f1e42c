/**
 * The stand-in as its own process, started through its CLI (dev/livekit-standin/README.md), so it
 * never shares an event loop with the load the benchmark generates or the timing it records — as
 * LiveKit and the dashboard do not.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

import { ROOT } from '../support/dashboard';

const CLI = path.join(ROOT, 'dev', 'livekit-standin', 'bin', 'livekit-standin.mjs');

export interface StandinProcess {
  url: string;
  /** For sampling the stand-in's own CPU use (bench:clients). */
  pid: number;
  stop(): Promise<void>;
}

/** `livekit-standin --port <port> --seed none --quiet [--webhook <url>]`, ready once it says so. */
export async function startStandinProcess(
  port: number,
  webhookUrl: string | null,
): Promise<StandinProcess> {
  const args = [CLI, '--port', String(port), '--seed', 'none', '--quiet'];
  if (webhookUrl) args.push('--webhook', webhookUrl);
  // No webhook variables from the calling shell: this run decides where webhooks go.
  const env = { ...process.env, STANDIN_WEBHOOKS: '' };
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (!match) return;
      child.stdout.off('data', onData);
      child.stdout.resume();
      resolve(match[1]!);
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => reject(new Error(`stand-in exited early (${code}): ${out}`)));
  });
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
