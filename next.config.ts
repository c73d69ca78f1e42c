import type { NextConfig } from 'next';

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
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
        ],
      },
      {
        // Every page but the embedded ones (/embed/{portalId}/…), which their portal's origins
        // may frame. For browsers that predate CSP's frame-ancestors; the Content Security Policy
        // itself carries a nonce per request, so proxy.ts sets it (lib/http/csp.ts).
        source: '/((?!embed/).*)',
        headers: [{ key: 'X-Frame-Options', value: 'SAMEORIGIN' }],
      },
    ];
  },
};

export default nextConfig;
