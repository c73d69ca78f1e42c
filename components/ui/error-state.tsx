import { CircleAlertIcon } from 'lucide-react';
import type { ReactNode } from 'react';

import { cn } from '@/lib/utils';

/** An inline "could not load" panel. The LiveKit banner (role=alert) explains outages. */
export function ErrorState({
  title,
  message,
  action,
  className,
}: {
  title: string;
  message: string;
  action?: ReactNode;
  className?: string;
}) {
  return (
    <div
      role="status"
      className={cn(
        'bg-card flex flex-col items-center gap-2 rounded-lg border px-6 py-12 text-center',
        className,
      )}
    >
      <CircleAlertIcon aria-hidden className="text-destructive size-8" />
      <p className="text-base font-semibold">{title}</p>
      <p className="text-muted-foreground max-w-lg text-sm">{message}</p>
      {action}
    </div>
  );
}
