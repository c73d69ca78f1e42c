import { InboxIcon } from 'lucide-react';

import { Badge, type BadgeTone } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { RelativeTime } from '@/components/ui/relative-time';
import type { WebhookDeliveryDto, WebhookOutcome } from '@/lib/contracts/dto';
import { TABLE_HEAD_CLASS } from '@/components/ui/table-head-class';

const OUTCOME: Record<WebhookOutcome, { label: string; tone: BadgeTone }> = {
  accepted: { label: 'Accepted', tone: 'success' },
  duplicate: { label: 'Duplicate', tone: 'neutral' },
  stale: { label: 'Stale', tone: 'warning' },
  refused: { label: 'Refused', tone: 'danger' },
};

const HEADERS = ['Received', 'Event', 'Room', 'Outcome', 'Details'];

function Dash() {
  return <span className="text-muted-foreground">—</span>;
}

/** At most 50 rows (the receiver keeps no more): a plain table, no virtualization. */
export function DeliveriesTable({
  deliveries,
  scope,
}: {
  deliveries: WebhookDeliveryDto[];
  scope: 'deployment' | 'instance';
}) {
  if (deliveries.length === 0) {
    return (
      <EmptyState
        icon={<InboxIcon aria-hidden />}
        title="No deliveries yet"
        className="bg-card rounded-lg border"
      >
        Deliveries appear here as soon as LiveKit sends one: configure it as shown below.
      </EmptyState>
    );
  }

  return (
    <div className="bg-card overflow-x-auto rounded-lg border">
      <table className="w-full min-w-[48rem] text-left text-sm">
        <caption className="sr-only">
          {scope === 'deployment'
            ? 'Recent webhook deliveries to every instance, newest first'
            : 'Recent webhook deliveries to this instance, newest first'}
        </caption>
        <thead className={TABLE_HEAD_CLASS}>
          <tr>
            {HEADERS.map((h) => (
              <th key={h} scope="col" className="px-4 py-2.5">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y">
          {deliveries.map((d, index) => {
            const outcome = OUTCOME[d.outcome];
            return (
              <tr key={`${d.atMs}-${d.eventId ?? index}-${index}`}>
                <td className="px-4 py-2 whitespace-nowrap">
                  <RelativeTime atMs={d.atMs} />
                </td>
                <td className="px-4 py-2 font-mono text-xs">{d.event ?? <Dash />}</td>
                <td className="px-4 py-2 font-mono text-xs">{d.roomName ?? <Dash />}</td>
                <td className="px-4 py-2">
                  <Badge tone={outcome.tone}>{outcome.label}</Badge>
                </td>
                <td className="text-muted-foreground px-4 py-2">{d.reason ?? <Dash />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
