import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { RelativeTime } from '@/components/ui/relative-time';
import type { RoomDto } from '@/lib/contracts/dto';
import { formatSeconds } from '@/lib/utils';

import { DetailList } from './detail-list';
import { MetadataBlock } from './metadata-block';
import { ParticipantCountFact } from './participant-count-fact';

export function RoomFacts({ room }: { room: RoomDto }) {
  return (
    <Card aria-labelledby="room-facts-title" className="grid gap-6 p-5 lg:grid-cols-[3fr_2fr]">
      <div className="flex flex-col gap-3">
        <h2 id="room-facts-title" className="text-base font-semibold">
          Room details
        </h2>
        <DetailList
          items={[
            { label: 'SID', value: <code className="font-mono text-xs">{room.sid}</code> },
            { label: 'Created', value: <RelativeTime atMs={room.creationTimeMs} /> },
            { label: 'Participants', value: <ParticipantCountFact room={room} /> },
            { label: 'Publishers', value: room.numPublishers },
            { label: 'Empty timeout', value: formatSeconds(room.emptyTimeout) },
            { label: 'Departure timeout', value: formatSeconds(room.departureTimeout) },
            {
              label: 'Max participants',
              value: room.maxParticipants > 0 ? room.maxParticipants : 'Unlimited',
            },
            {
              label: 'Recording',
              value: room.activeRecording ? (
                <Badge tone="danger">Recording</Badge>
              ) : (
                'Not recording'
              ),
            },
            { label: 'Tenant', value: room.tenant ?? '—' },
          ]}
        />
      </div>
      <div className="flex min-w-0 flex-col gap-3">
        <h3 className="text-sm font-semibold">Metadata</h3>
        <MetadataBlock metadata={room.metadata} label="Room metadata" />
      </div>
    </Card>
  );
}
