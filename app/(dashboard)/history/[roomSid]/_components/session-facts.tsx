import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import type { RoomSessionDto } from '@/lib/contracts/history';
import { formatAbsolute, formatDuration } from '@/lib/utils';

import { DetailList } from '../../../rooms/[roomName]/_components/detail-list';

export function SessionFacts({ session }: { session: RoomSessionDto }) {
  return (
    <Card aria-labelledby="session-facts-title" className="flex flex-col gap-3 p-5">
      <h2 id="session-facts-title" className="text-base font-semibold">
        Session
      </h2>
      <DetailList
        className="lg:grid-cols-4"
        items={[
          {
            label: 'Room SID',
            value: <code className="font-mono text-xs">{session.roomSid}</code>,
          },
          { label: 'Tenant', value: session.tenant ?? '—' },
          { label: 'Started', value: formatAbsolute(session.startedAtMs) },
          {
            label: 'Ended',
            value:
              session.endedAtMs === null ? (
                <Badge tone="success">Live</Badge>
              ) : (
                formatAbsolute(session.endedAtMs)
              ),
          },
          {
            label: 'Duration',
            value: `${formatDuration(session.durationMs)}${session.live ? ' so far' : ''}`,
          },
          { label: 'Peak participants', value: session.peakParticipants },
          { label: 'Total participants', value: session.totalParticipants },
        ]}
      />
    </Card>
  );
}
