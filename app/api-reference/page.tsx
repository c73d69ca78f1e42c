import type { Metadata } from 'next';
import Link from 'next/link';

import { ApiReference } from './_components/api-reference';

export const metadata: Metadata = { title: 'API reference' };

/**
 * The REST API reference. The document itself (/api/openapi.json) is public like any API
 * description; it holds no data or configuration.
 */
export default function ApiReferencePage() {
  return (
    <div className="min-h-screen bg-white">
      <header className="flex items-center justify-between border-b border-neutral-200 px-6 py-3">
        <h1 className="text-base font-semibold">Moderato API reference</h1>
        <nav className="flex gap-4 text-sm">
          <a className="underline" href="/api/openapi.json">
            OpenAPI 3.1 (JSON)
          </a>
          <Link className="underline" href="/rooms">
            Back to the dashboard
          </Link>
        </nav>
      </header>
      <main>
        <ApiReference />
      </main>
    </div>
  );
}
