'use client';

import { useState } from 'react';

import type { GeneratedTokenDto } from '@/lib/contracts/tokens';

import { GeneratedToken } from './generated-token';
import { TokenForm } from './token-form';

/** The form and, once generated, the token: kept in this page's memory only, never cached. */
export function TokenGenerator() {
  const [result, setResult] = useState<GeneratedTokenDto | null>(null);

  return (
    <div className="flex flex-col gap-4">
      {result ? <GeneratedToken result={result} onDismiss={() => setResult(null)} /> : null}
      <TokenForm onGenerated={setResult} />
    </div>
  );
}
