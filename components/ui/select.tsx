import type { ComponentProps } from 'react';

import { fieldClassName } from '@/components/ui/input';
import { cn } from '@/lib/utils';

/** A native select: keyboard and screen-reader behaviour for free. */
export function Select({ className, ...props }: ComponentProps<'select'>) {
  return <select className={cn(fieldClassName, 'pr-8', className)} {...props} />;
}
