import { DoorClosedIcon } from 'lucide-react';
import Link from 'next/link';

import { EmptyState } from '@/components/ui/empty-state';

export default function RoomNotFound() {
  return (
    <EmptyState
      icon={<DoorClosedIcon aria-hidden />}
      title="Room not found"
      as="h1"
      className="bg-card rounded-lg border"
    >
      <p>
        There is no active room with this name that you can see. It may have ended.{' '}
        <Link href="/rooms" className="text-primary font-medium underline underline-offset-4">
          Back to rooms
        </Link>
      </p>
    </EmptyState>
  );
}
