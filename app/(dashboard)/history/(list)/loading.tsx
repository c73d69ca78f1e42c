import { ListPageSkeleton } from '@/components/ui/list-page-skeleton';

/** In the (list) group, so the session page's notFound() stays a real 404 (see rooms/(list)). */
export default function HistoryLoading() {
  return <ListPageSkeleton label="Loading history" />;
}
