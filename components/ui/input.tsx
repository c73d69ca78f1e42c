import type { ComponentProps } from 'react';

import { cn } from '@/lib/utils';

export const fieldClassName =
  'h-9 w-full rounded-md border border-input bg-card px-3 text-sm text-foreground placeholder:text-muted-foreground focus-visible:outline-ring';

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return <input className={cn(fieldClassName, className)} {...props} />;
}
