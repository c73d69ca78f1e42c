import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { installParticipantApi } from './participant-api';

/**
 * Serves the participant page: the real `livekit-client` UMD bundle (global `LivekitClient`) and
 * `window.lk` (participant-api.ts) around it. It listens on 127.0.0.1 because a loopback origin
 * is a secure context, where Chromium offers getUserMedia and WebRTC without HTTPS:
 * https://developer.mozilla.org/en-US/docs/Web/Security/Secure_Contexts
 */
export interface ParticipantServer {
  /** The page's URL, e.g. `http://127.0.0.1:40123/`. */
  url: string;
  close(): Promise<void>;
}

/** Paths the server answers; anything else is a 404 (no favicon noise in the SDK's log). */
const SDK_PATH = '/livekit-client.umd.js';

// The package's `require` entry is its UMD build (package.json `exports`), the file the page needs.
const sdkFile = require.resolve('livekit-client');

function pageHtml(): string {
  // The function's own (compiled) source, called once the SDK has defined its global. Compiled by
  // esbuild with keepNames (tsx does that), the source calls a `__name` helper that lives in the
  // Node module, not in the page: the page gets an identity stand-in for it.
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>LiveKit participant</title>
    <script src="${SDK_PATH}"></script>
    <script>var __name = (fn) => fn;</script>
    <script>(${installParticipantApi.toString()})();</script>
  </head>
  <body>
    <main><h1>LiveKit participant</h1></main>
  </body>
</html>`;
}

export async function startParticipantServer(): Promise<ParticipantServer> {
  if (!sdkFile.endsWith('.umd.js')) throw new Error(`livekit-client resolved to ${sdkFile}`);
  const sdk = await readFile(sdkFile);
  const html = pageHtml();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    } else if (path === SDK_PATH) {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(sdk);
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
