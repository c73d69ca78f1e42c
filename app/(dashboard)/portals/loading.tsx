import { ListPageSkeleton } from '@/components/ui/list-page-skeleton';

export default function PortalsLoading() {
  return <ListPageSkeleton label="Loading embedding portals" />;
}
