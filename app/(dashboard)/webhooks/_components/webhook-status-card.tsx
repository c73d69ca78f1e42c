import { AlertTriangleIcon } from 'lucide-react';
import type { ReactNode } from 'react';

import { Badge, type BadgeTone } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { RelativeTime } from '@/components/ui/relative-time';
import type { WebhookHealthDto, WebhookState } from '@/lib/contracts/dto';

const STATE: Record<WebhookState, { label: string; tone: BadgeTone }> = {
  healthy: { label: 'Healthy', tone: 'success' },
  never_received: { label: 'Nothing received yet', tone: 'neutral' },
  missing: { label: 'Webhooks missing', tone: 'danger' },
};

export function WebhookStatusCard({ health }: { health: WebhookHealthDto }) {
  const state = STATE[health.state];
  const { counts } = health;

  return (
    <Card aria-labelledby="webhook-status-heading" className="flex flex-col gap-4 p-5">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="webhook-status-heading" className="text-lg font-semibold">
          Status
        </h2>
        <Badge tone={state.tone}>{state.label}</Badge>
      </div>
      {health.state === 'missing' ? (
        <p
          role="alert"
          className="bg-destructive-soft text-destructive flex items-start gap-2 rounded-md px-3 py-2 text-sm"
        >
          <AlertTriangleIcon aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>
            {health.message} Reconciliation found {health.recentMissed} changes in the last few
            minutes that webhooks should have delivered.
          </span>
        </p>
      ) : (
        <p className="text-muted-foreground text-sm">{health.message}</p>
      )}
      <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3 lg:grid-cols-6">
        <Fact label="Last good delivery">
          {health.lastGoodAtMs === null ? 'Never' : <RelativeTime atMs={health.lastGoodAtMs} />}
        </Fact>
        <Fact label="Accepted">{counts.accepted}</Fact>
        <Fact label="Duplicates">{counts.duplicate}</Fact>
        <Fact label="Stale">{counts.stale}</Fact>
        <Fact label="Refused">{counts.refused}</Fact>
        <Fact label="Missed (found by reconciliation)">{counts.missed}</Fact>
      </dl>
    </Card>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-muted-foreground text-xs">{label}</dt>
      <dd className="font-medium tabular-nums">{children}</dd>
    </div>
  );
}
