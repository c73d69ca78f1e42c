import { fieldClassName } from '@/components/ui/input';
import { cn } from '@/lib/utils';

/** Multi-line variant of the shared field style. */
export const textareaClassName = cn(fieldClassName, 'h-auto min-h-24 py-2 font-mono text-xs');
