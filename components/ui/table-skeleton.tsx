import { Skeleton } from '@/components/ui/skeleton';

export function TableSkeleton({ rows = 8, label }: { rows?: number; label: string }) {
  return (
    <div role="status" aria-live="polite" className="bg-card rounded-lg border">
      <span className="sr-only">{label}</span>
      <div className="bg-muted border-b px-4 py-3">
        <Skeleton className="h-3 w-1/3" />
      </div>
      <div className="divide-y">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="flex items-center gap-4 px-4 py-3.5">
            <Skeleton className="h-4 w-1/4" />
            <Skeleton className="h-4 w-12" />
            <Skeleton className="h-4 w-12" />
            <Skeleton className="h-4 flex-1" />
          </div>
        ))}
      </div>
    </div>
  );
}
