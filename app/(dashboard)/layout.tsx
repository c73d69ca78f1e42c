import { Suspense, type ReactNode } from 'react';

import { AppShell } from '@/components/layout/app-shell';
import { LiveKitStatusBanner } from '@/components/layout/livekit-status-banner';
import type { NavItem } from '@/components/layout/nav-links';
import { requireActor } from '@/lib/auth/session';
import { actorCan, type Actor } from '@/lib/domain/actor';
import type { LiveKitStatusDto } from '@/lib/contracts/dto';
import { getLiveKitStatus } from '@/lib/domain/livekit/get-livekit-status';
import { runOperation } from '@/lib/domain/run-operation';
import { env } from '@/lib/env';
import { ActorProvider } from '@/lib/queries/actor-context';
import { RefreshIntervalProvider } from '@/lib/queries/live-refresh';
import { LiveStreamProvider } from '@/lib/queries/live-stream';

/** Streams the first status check into the banner, so an outage shows before the first poll. */
async function LiveKitStatusSlot({ actor }: { actor: Actor }) {
  let initialStatus: LiveKitStatusDto | undefined;
  try {
    initialStatus = await runOperation(getLiveKitStatus, actor, {});
  } catch {
    initialStatus = undefined;
  }

  return <LiveKitStatusBanner initialStatus={initialStatus} />;
}

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const navItems: NavItem[] = [{ href: '/rooms', label: 'Rooms' }];
  if (actorCan(actor, 'rooms.read')) navItems.push({ href: '/history', label: 'History' });
  if (actorCan(actor, 'participants.ban')) navItems.push({ href: '/bans', label: 'Bans' });
  if (actorCan(actor, 'audit.read')) navItems.push({ href: '/audit', label: 'Audit log' });
  if (actorCan(actor, 'users.manage')) navItems.push({ href: '/users', label: 'Users' });
  if (actorCan(actor, 'keys.manage')) navItems.push({ href: '/api-keys', label: 'API keys' });
  if (actorCan(actor, 'presets.manage')) navItems.push({ href: '/presets', label: 'Presets' });
  if (actorCan(actor, 'keys.manage')) navItems.push({ href: '/portals', label: 'Embedding' });
  if (actorCan(actor, 'tokens.generate')) navItems.push({ href: '/tokens', label: 'Tokens' });
  if (actorCan(actor, 'users.manage')) navItems.push({ href: '/webhooks', label: 'Webhooks' });
  navItems.push({ href: '/api-reference', label: 'API reference' });

  return (
    <RefreshIntervalProvider refreshMs={env().MODERATO_REFRESH_MS}>
      <ActorProvider
        permissions={[...actor.permissions]}
        name={actor.name}
        role={actor.role}
        tenant={actor.tenant}
      >
        <LiveStreamProvider>
          <AppShell
            navItems={navItems}
            banner={
              <Suspense fallback={null}>
                <LiveKitStatusSlot actor={actor} />
              </Suspense>
            }
          >
            {children}
          </AppShell>
        </LiveStreamProvider>
      </ActorProvider>
    </RefreshIntervalProvider>
  );
}
