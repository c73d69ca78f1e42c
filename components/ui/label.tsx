import type { ComponentProps } from 'react';

import { cn } from '@/lib/utils';

export function Label({ className, ...props }: ComponentProps<'label'>) {
  return (
    <label className={cn('text-muted-foreground text-xs font-medium', className)} {...props} />
  );
}
