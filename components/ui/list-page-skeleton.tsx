import { Skeleton } from './skeleton';
import { TableSkeleton } from './table-skeleton';

/** Loading state of a list page: heading, description, search box and table. */
export function ListPageSkeleton({ label }: { label: string }) {
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-2">
        <Skeleton className="h-7 w-40" />
        <Skeleton className="h-4 w-72" />
      </div>
      <Skeleton className="h-9 w-full max-w-sm" />
      <TableSkeleton label={label} />
    </div>
  );
}
