import { ListPageSkeleton } from '@/components/ui/list-page-skeleton';

export default function ApiKeysLoading() {
  return <ListPageSkeleton label="Loading API keys" />;
}
