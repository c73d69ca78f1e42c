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
          // Destructive buttons must not be clickjacked from another site. Embedding in portals
          // (a later issue) will allow its configured origins explicitly.
          { key: 'Content-Security-Policy', value: "frame-ancestors 'self'" },
          { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
        ],
      },
      {
        // Redoc's sidebar links its logo from Redocly's CDN; images and requests stay on our origin
        // so reading the API reference tells no third party who read it.
        source: '/api-reference',
        headers: [
          {
            key: 'Content-Security-Policy',
            value: "frame-ancestors 'self'; img-src 'self' data: blob:; connect-src 'self'",
          },
        ],
      },
    ];
  },
};

export default nextConfig;
