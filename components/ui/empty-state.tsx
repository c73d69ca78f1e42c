import type { ReactNode } from 'react';

import { cn } from '@/lib/utils';

export function EmptyState({
  icon,
  title,
  children,
  className,
  role,
  as: Title = 'p',
}: {
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
  className?: string;
  role?: 'status' | 'alert';
  /** Heading level when the empty state is the page's main content. */
  as?: 'p' | 'h1' | 'h2';
}) {
  return (
    <div
      role={role}
      className={cn(
        'flex flex-col items-center justify-center gap-2 px-6 py-14 text-center',
        className,
      )}
    >
      {icon ? <div className="text-muted-foreground [&_svg]:size-8">{icon}</div> : null}
      <Title className="text-base font-semibold">{title}</Title>
      {children ? <div className="text-muted-foreground max-w-md text-sm">{children}</div> : null}
    </div>
  );
}
