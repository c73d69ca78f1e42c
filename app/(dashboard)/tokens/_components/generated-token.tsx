'use client';

import { ExternalLinkIcon } from 'lucide-react';
import { useEffect, useId, useRef } from 'react';

import { Button, buttonClassName } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { CopyField } from '@/components/ui/copy-field';
import { OneTimeSecret } from '@/components/ui/one-time-secret';
import { RelativeTime } from '@/components/ui/relative-time';
import type { GeneratedTokenDto } from '@/lib/contracts/tokens';
import { formatAbsolute } from '@/lib/utils';

import { DecodedJson } from './decoded-json';

/**
 * A generated token, shown once: the JWT, what it decodes to (exactly what LiveKit reads), when it
 * expires, and the join link (which carries the token too). Focus moves here when it appears.
 */
export function GeneratedToken({
  result,
  onDismiss,
}: {
  result: GeneratedTokenDto;
  onDismiss: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const linkId = useId();
  const { identity, token, header, claims, expiresAtMs, joinLink, livekitUrl } = result;

  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView({ block: 'start' });
  }, [token]);

  return (
    <Card aria-labelledby="generated-token-heading" className="flex flex-col gap-5 p-5">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2
            id="generated-token-heading"
            ref={headingRef}
            tabIndex={-1}
            className="text-lg font-semibold focus:outline-none"
          >
            Token for {identity}
          </h2>
          <p className="text-muted-foreground text-sm">
            Expires <span className="text-foreground">{formatAbsolute(expiresAtMs)}</span> (
            <RelativeTime atMs={expiresAtMs} />
            ). Clients connect to <code className="font-mono">{livekitUrl}</code>.
          </p>
        </div>
        <Button variant="secondary" size="sm" onClick={onDismiss}>
          Dismiss token
        </Button>
      </div>
      <OneTimeSecret
        label={`Token for ${identity}`}
        copyLabel={`Copy token for ${identity}`}
        value={token}
        noun="token"
        className="text-xs"
      >
        Moderato keeps no copy; anyone holding it has these grants until it expires.
      </OneTimeSecret>
      {joinLink ? (
        <div className="flex flex-col gap-2">
          <CopyField
            id={linkId}
            label={`Join link for ${identity}`}
            copyLabel={`Copy join link for ${identity}`}
            value={joinLink}
            noun="link"
            className="text-xs"
          />
          <a
            href={joinLink}
            target="_blank"
            rel="noreferrer noopener"
            className={buttonClassName({
              variant: 'secondary',
              size: 'sm',
              className: 'self-start',
            })}
          >
            <ExternalLinkIcon aria-hidden />
            Open join link for {identity}
            <span className="sr-only"> (opens in a new tab)</span>
          </a>
        </div>
      ) : (
        <p className="text-muted-foreground text-sm">
          No join link: the token does not join a room.
        </p>
      )}
      <section aria-label="Decoded token" className="grid gap-4 lg:grid-cols-[1fr_2fr]">
        <DecodedJson label="Decoded header" value={header} />
        <DecodedJson label="Decoded claims" value={claims} />
      </section>
    </Card>
  );
}
