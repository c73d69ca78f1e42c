import { ListPageSkeleton } from '@/components/ui/list-page-skeleton';

export default function RoomsLoading() {
  return <ListPageSkeleton label="Loading rooms" />;
}
