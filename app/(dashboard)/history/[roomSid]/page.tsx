import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';

import { PageHeader } from '@/components/layout/page-header';
import { requireActor } from '@/lib/auth/session';
import type { RoomSessionDetailDto } from '@/lib/contracts/history';
import { DomainError } from '@/lib/domain/errors';
import { getRoomSession } from '@/lib/domain/history/get-room-session';
import { runOperation } from '@/lib/domain/run-operation';

import { RoomTimeline } from '../../rooms/[roomName]/_components/room-timeline';

import { ParticipantSessionsTable } from './_components/participant-sessions-table';
import { SessionFacts } from './_components/session-facts';

async function roomSidParam(params: Promise<{ roomSid: string }>): Promise<string> {
  const { roomSid } = await params;
  try {
    return decodeURIComponent(roomSid);
  } catch {
    notFound();
  }
}

export async function generateMetadata({
  params,
}: PageProps<'/history/[roomSid]'>): Promise<Metadata> {
  return { title: `Session ${await roomSidParam(params)}` };
}

/** One room session: its facts, its participant sessions and its activity. */
export default async function RoomSessionPage({ params }: PageProps<'/history/[roomSid]'>) {
  const roomSid = await roomSidParam(params);
  const actor = await requireActor();
  let detail: RoomSessionDetailDto;
  try {
    detail = await runOperation(getRoomSession, actor, { roomSid });
  } catch (error) {
    // Unknown, another tenant's, or not a sid at all: the same 404.
    if (error instanceof DomainError && ['not_found', 'invalid_input'].includes(error.code)) {
      notFound();
    }
    throw error;
  }
  const { session, participants } = detail;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link
            href="/history"
            className="hover:text-foreground underline-offset-4 hover:underline"
          >
            History
          </Link>
        }
        title={session.roomName}
        description={session.live ? 'Live session' : 'Ended session'}
        actions={
          session.live ? (
            <Link
              href={`/rooms/${encodeURIComponent(session.roomName)}`}
              className="text-primary text-sm font-medium underline underline-offset-4"
            >
              Open the live room
            </Link>
          ) : null
        }
      />
      <SessionFacts session={session} />
      <ParticipantSessionsTable participants={participants} />
      <RoomTimeline roomName={session.roomName} roomSid={session.roomSid} live={session.live} />
    </>
  );
}
