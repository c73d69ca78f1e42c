import type { ComponentProps } from 'react';

import { cn } from '@/lib/utils';

const TONES = {
  neutral: 'bg-muted text-muted-foreground border-border',
  info: 'bg-accent text-accent-foreground border-transparent',
  success: 'bg-success-soft text-success border-transparent',
  warning: 'bg-warning-soft text-warning border-transparent',
  danger: 'bg-destructive-soft text-destructive border-transparent',
} as const;

export type BadgeTone = keyof typeof TONES;

export function Badge({
  tone = 'neutral',
  className,
  ...props
}: ComponentProps<'span'> & { tone?: BadgeTone }) {
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap [&_svg]:size-3',
        TONES[tone],
        className,
      )}
      {...props}
    />
  );
}
