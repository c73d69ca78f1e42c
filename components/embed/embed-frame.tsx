'use client';

import { KeyRoundIcon, LoaderCircleIcon } from 'lucide-react';
import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';

import { LiveKitStatusBanner } from '@/components/layout/livekit-status-banner';
import { EmptyState } from '@/components/ui/empty-state';
import { EveryRowContext } from '@/components/ui/every-row';
import {
  EMBED_REFRESH_BEFORE_MS,
  FRAME_MESSAGES,
  type EmbedSessionDto,
} from '@/lib/contracts/embed';
import { ActorProvider } from '@/lib/queries/actor-context';
import { embedHostOrigin, onEmbedSession } from '@/lib/queries/embed-boot';
import { setEmbedSessionToken } from '@/lib/queries/embed-credentials';
import { isApiError } from '@/lib/queries/fetch-json';
import { RefreshIntervalProvider } from '@/lib/queries/live-refresh';
import { LiveStreamProvider } from '@/lib/queries/live-stream';
import { onOperationSettled } from '@/lib/queries/mutations/call-operation';
import { RoomLinksProvider } from '@/lib/queries/room-links';

import { hostViewport, postToHost } from './embed-protocol';

type FrameState =
  | { status: 'waiting' }
  | { status: 'ready'; session: EmbedSessionDto }
  | { status: 'failed'; title: string; message: string };

/**
 * The embedded pages' shell (docs/embedding.md): takes the sessions the boot script exchanged
 * for the host's tokens (lib/embed/embed-boot-script.ts, which found the host and said `ready`),
 * keeps the current one in memory, asks for a fresh token before it expires, and tells the host
 * its height and the outcome of every action. The room views render only once a session exists,
 * so their first request already carries it.
 */
export function EmbedFrame({
  portalId,
  refreshMs,
  children,
}: {
  portalId: string;
  refreshMs: number;
  children: ReactNode;
}) {
  const [state, setState] = useState<FrameState>({ status: 'waiting' });
  const content = useRef<HTMLDivElement>(null);
  // Undefined while rendering on the server (nothing is known there), null when not framed by an
  // allowed origin. The page's parent does not change, so there is nothing to subscribe to.
  const origin = useSyncExternalStore(noSubscription, embedHostOrigin, () => undefined);

  useEffect(() => {
    if (!origin) return;
    let expiryTimer: ReturnType<typeof setTimeout> | undefined;
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    let hasSession = false;
    let disposed = false;

    const accept = async (exchange: Promise<EmbedSessionDto>) => {
      try {
        const session = await exchange;
        if (disposed) return;
        setEmbedSessionToken(session.sessionToken);
        hasSession = true;
        setState({ status: 'ready', session });
        clearTimeout(refreshTimer);
        clearTimeout(expiryTimer);
        const left = session.expiresAtMs - Date.now();
        refreshTimer = setTimeout(
          () =>
            postToHost(origin, FRAME_MESSAGES.tokenExpiring, { expiresAtMs: session.expiresAtMs }),
          Math.max(0, left - EMBED_REFRESH_BEFORE_MS),
        );
        expiryTimer = setTimeout(
          () => {
            setEmbedSessionToken(null);
            hasSession = false;
            setState({
              status: 'failed',
              title: 'The session has ended',
              message: 'The portal did not renew this embedded view in time. Reload the page.',
            });
          },
          Math.max(0, left),
        );
      } catch (err) {
        if (disposed) return;
        const code = isApiError(err) ? err.code : 'network_error';
        const message = err instanceof Error ? err.message : 'The embed token was refused.';
        postToHost(origin, FRAME_MESSAGES.authFailed, { code, message });
        // A refused refresh leaves the current session working until it expires.
        if (!hasSession) setState({ status: 'failed', title: 'Access refused', message });
      }
    };

    const stopSessions = onEmbedSession((exchange) => void accept(exchange));
    const stopActions = onOperationSettled(({ operation, target, error }) =>
      error
        ? postToHost(origin, FRAME_MESSAGES.actionFailed, { operation, target, error })
        : postToHost(origin, FRAME_MESSAGES.actionSucceeded, { operation, target }),
    );

    return () => {
      disposed = true;
      stopSessions();
      stopActions();
      clearTimeout(refreshTimer);
      clearTimeout(expiryTimer);
      setEmbedSessionToken(null);
    };
  }, [origin]);

  // The host sizes the iframe to the content, so the embed never scrolls inside a scroll.
  useEffect(() => {
    const element = content.current;
    if (!origin || !element) return;
    let last = 0;
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(element.getBoundingClientRect().height);
      if (height === last) return;
      last = height;
      postToHost(origin, FRAME_MESSAGES.height, { height });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [origin]);

  // The host sizes the frame to its content, so the frame's viewport is all of it: dialogs and
  // sheets go in the part the host says is on screen (`--visible-*`, app/globals.css).
  useEffect(() => {
    if (!origin) return;
    const root = document.documentElement.style;
    const onMessage = (event: MessageEvent) => {
      const viewport = hostViewport(event, origin, window.innerHeight);
      if (!viewport) return;
      root.setProperty('--visible-top', `${viewport.top}px`);
      root.setProperty('--visible-height', `${viewport.height}px`);
    };
    window.addEventListener('message', onMessage);
    return () => {
      window.removeEventListener('message', onMessage);
      root.removeProperty('--visible-top');
      root.removeProperty('--visible-height');
    };
  }, [origin]);

  const shown: FrameState =
    origin === null
      ? {
          status: 'failed',
          title: 'Open this page inside your portal',
          message:
            'This page is meant to be embedded by a page on one of the portal’s allowed origins, which provides the sign-in.',
        }
      : state;

  return (
    <div ref={content} className="p-3 sm:p-4">
      {shown.status === 'ready' ? (
        <EmbedSession session={shown.session} portalId={portalId} refreshMs={refreshMs}>
          {children}
        </EmbedSession>
      ) : shown.status === 'waiting' ? (
        <EmptyState
          role="status"
          icon={<LoaderCircleIcon aria-hidden className="animate-spin" />}
          title="Signing in…"
        >
          Waiting for the portal to provide access.
        </EmptyState>
      ) : (
        <EmptyState role="alert" icon={<KeyRoundIcon aria-hidden />} title={shown.title}>
          {shown.message}
        </EmptyState>
      )}
    </div>
  );
}

const noSubscription = () => () => {};

function EmbedSession({
  session,
  portalId,
  refreshMs,
  children,
}: {
  session: EmbedSessionDto;
  portalId: string;
  refreshMs: number;
  children: ReactNode;
}) {
  const { actor } = session;
  return (
    <RefreshIntervalProvider refreshMs={refreshMs}>
      <ActorProvider
        permissions={actor.permissions}
        name={actor.name}
        role={actor.role}
        tenant={actor.tenant}
      >
        <LiveStreamProvider>
          <RoomLinksProvider base={`/embed/${encodeURIComponent(portalId)}/rooms`}>
            {/* The host sizes the frame to the content: tables show all their rows at once. */}
            <EveryRowContext value>
              {/* As on the dashboard: an outage is explained, and what the server supports
                  (Move needs LiveKit Cloud) is known before anyone tries it. */}
              <div className="flex flex-col gap-3">
                <LiveKitStatusBanner />
                {children}
              </div>
            </EveryRowContext>
          </RoomLinksProvider>
        </LiveStreamProvider>
      </ActorProvider>
    </RefreshIntervalProvider>
  );
}
