'use client';

import { KeyRoundIcon, Loader2Icon, PictureInPicture2Icon } from 'lucide-react';
import { useState } from 'react';

import { Button } from '@/components/ui/button';
import { CopyField } from '@/components/ui/copy-field';
import { Modal, ModalContent } from '@/components/ui/modal';
import { OneTimeSecret } from '@/components/ui/one-time-secret';
import type { JoinCredentialsDto, PopoutTokenDto } from '@/lib/contracts/moderation-commands';
import { useCan } from '@/lib/queries/actor-context';
import {
  useCreateAccessToken,
  useRequestPopoutToken,
} from '@/lib/queries/mutations/use-moderation-commands';

type Shown =
  | { kind: 'join'; credentials: JoinCredentialsDto }
  | { kind: 'popout'; token: PopoutTokenDto }
  | null;

/**
 * "Get join token" (the moderator joins the room themselves, restrictions applied) and "Get popout
 * token" (watch hidden, publish nothing). Each token is shown once, copyable; a new click mints a
 * new one.
 */
export function TokenButtons({ roomName }: { roomName: string }) {
  const canJoin = useCan('rooms.join');
  const join = useCreateAccessToken();
  const popout = useRequestPopoutToken();
  const [shown, setShown] = useState<Shown>(null);
  if (!canJoin) return null;

  return (
    <section aria-labelledby="tokens-title" className="flex flex-col gap-2">
      <h3 id="tokens-title" className="text-sm font-semibold">
        Join this room yourself
      </h3>
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant="secondary"
          disabled={join.isPending}
          aria-busy={join.isPending}
          onClick={() =>
            join.mutate(
              { roomName },
              { onSuccess: (credentials) => setShown({ kind: 'join', credentials }) },
            )
          }
        >
          {join.isPending ? (
            <Loader2Icon aria-hidden className="animate-spin" />
          ) : (
            <KeyRoundIcon aria-hidden />
          )}
          Get join token
        </Button>
        <Button
          size="sm"
          variant="secondary"
          disabled={popout.isPending}
          aria-busy={popout.isPending}
          onClick={() =>
            popout.mutate(
              { roomName },
              { onSuccess: (token) => setShown({ kind: 'popout', token }) },
            )
          }
        >
          {popout.isPending ? (
            <Loader2Icon aria-hidden className="animate-spin" />
          ) : (
            <PictureInPicture2Icon aria-hidden />
          )}
          Get popout token
        </Button>
      </div>
      <Modal open={shown !== null} onOpenChange={(open) => (open ? undefined : setShown(null))}>
        {shown?.kind === 'join' ? (
          <ModalContent
            title={`Join token for ${roomName}`}
            description={`Joins as ${shown.credentials.identity}, valid for an hour, with the room’s microphone restrictions applied.`}
          >
            <div className="flex flex-col gap-4">
              <OneTimeSecret
                label={`Join token for ${roomName}`}
                copyLabel="Copy the join token"
                value={shown.credentials.credentials.token}
                noun="token"
              >
                Connect a LiveKit client with it at the URL below.
              </OneTimeSecret>
              <CopyField
                id="join-token-public-url"
                label="LiveKit URL"
                copyLabel="Copy the LiveKit URL"
                value={shown.credentials.credentials.public_url}
                noun="URL"
              />
            </div>
          </ModalContent>
        ) : shown?.kind === 'popout' ? (
          <ModalContent
            title={`Popout token for ${roomName}`}
            description={`Watches as ${shown.token.identity}: hidden from the others, publishes nothing, valid for 5 minutes to connect.`}
          >
            <OneTimeSecret
              label={`Popout token for ${roomName}`}
              copyLabel="Copy the popout token"
              value={shown.token.token}
              noun="token"
            >
              Open the popout with it before it expires.
            </OneTimeSecret>
          </ModalContent>
        ) : null}
      </Modal>
    </section>
  );
}
