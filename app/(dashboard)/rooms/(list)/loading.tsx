import { ListPageSkeleton } from '@/components/ui/list-page-skeleton';

/**
 * In the (list) route group so that it wraps the rooms list only. Above the room page it would
 * stream a 200 with this skeleton before the room is known, and the page's notFound() could no
 * longer make the answer a 404.
 */
export default function RoomsLoading() {
  return <ListPageSkeleton label="Loading rooms" />;
}
