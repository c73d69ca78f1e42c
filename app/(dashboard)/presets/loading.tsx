import { ListPageSkeleton } from '@/components/ui/list-page-skeleton';

export default function PresetsLoading() {
  return <ListPageSkeleton label="Loading permission presets" />;
}
