import { ListPageSkeleton } from '@/components/ui/list-page-skeleton';

export default function WebhooksLoading() {
  return <ListPageSkeleton label="Loading webhook health" />;
}
