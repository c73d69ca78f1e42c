import type { NextConfig } from 'next';

import {
  EVERY_PATH_HEADERS,
  SELF_FRAMED_HEADERS,
  SELF_FRAMED_SOURCE,
} from './lib/http/static-headers';

const nextConfig: NextConfig = {
  // `MODERATO_STANDALONE=1 npm run build` produces the self-contained server in .next/standalone for
  // deployment; tests and the demo use `next start`, which does not work with standalone output.
  output: process.env.MODERATO_STANDALONE === '1' ? 'standalone' : undefined,
  // CI type-checks once with `tsc --noEmit`; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // Native / Node-only modules stay out of the server bundle.
  serverExternalPackages: ['better-sqlite3', 'pg', 'livekit-server-sdk'],
  async headers() {
    return [
      { source: '/:path*', headers: [...EVERY_PATH_HEADERS] },
      // lib/http/static-headers.ts says why; its Node door sends the same.
      { source: SELF_FRAMED_SOURCE, headers: [...SELF_FRAMED_HEADERS] },
    ];
  },
};

export default nextConfig;
