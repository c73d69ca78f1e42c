import { GeistSans } from 'geist/font/sans';
import type { Metadata, Viewport } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';

import { Providers } from './providers';

import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Moderato', template: '%s · Moderato' },
  description: 'Moderator dashboard for LiveKit',
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#f8fafc' },
    { media: '(prefers-color-scheme: dark)', color: '#0b1120' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, none at build time: Next puts the request's CSP nonce
  // (proxy.ts) on its inline bootstrap scripts only while rendering, so a prerendered page — the
  // 404 page, the API reference — would have scripts the policy blocks.
  await connection();

  return (
    <html lang="en" className={GeistSans.variable}>
      <body className="min-h-dvh">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
