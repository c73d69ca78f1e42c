import { ListPageSkeleton } from '@/components/ui/list-page-skeleton';

export default function BansLoading() {
  return <ListPageSkeleton label="Loading bans" />;
}
