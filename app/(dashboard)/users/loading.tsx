import { ListPageSkeleton } from '@/components/ui/list-page-skeleton';

export default function UsersLoading() {
  return <ListPageSkeleton label="Loading users" />;
}
