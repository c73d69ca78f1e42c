import Form from 'next/form';
import Link from 'next/link';

import { buttonClassName } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';
import type { HistoryFilters } from '@/lib/queries/history-filters';

/** A GET form: the URL's search params are the filter state, so every view is linkable. */
export function HistoryFiltersForm({
  filters,
  showTenant,
}: {
  filters: HistoryFilters;
  /** Only callers who see every tenant can choose one. */
  showTenant: boolean;
}) {
  return (
    <Form
      action="/history"
      aria-label="History filters"
      className="bg-card grid grid-cols-1 gap-3 rounded-lg border p-4 sm:grid-cols-2 lg:grid-cols-5"
    >
      <div className="flex flex-col gap-1">
        <Label htmlFor="history-q">Room</Label>
        <Input
          id="history-q"
          name="q"
          type="search"
          defaultValue={filters.q ?? ''}
          placeholder="Part of the room name"
        />
      </div>
      {showTenant ? (
        <div className="flex flex-col gap-1">
          <Label htmlFor="history-tenant">Tenant</Label>
          <Input
            id="history-tenant"
            name="tenant"
            defaultValue={filters.tenant ?? ''}
            placeholder="auth_id"
          />
        </div>
      ) : null}
      <div className="flex flex-col gap-1">
        <Label htmlFor="history-status">Status</Label>
        <Select id="history-status" name="status" defaultValue={filters.status ?? ''}>
          <option value="">Live and ended</option>
          <option value="live">Live</option>
          <option value="ended">Ended</option>
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="history-from">From (UTC)</Label>
        <Input id="history-from" name="from" type="date" defaultValue={filters.from ?? ''} />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="history-to">To (UTC)</Label>
        <Input id="history-to" name="to" type="date" defaultValue={filters.to ?? ''} />
      </div>
      <div className="flex items-center gap-2 sm:col-span-2 lg:col-span-5">
        <button type="submit" className={buttonClassName({ size: 'sm' })}>
          Apply filters
        </button>
        <Link href="/history" className={buttonClassName({ variant: 'ghost', size: 'sm' })}>
          Clear
        </Link>
      </div>
    </Form>
  );
}
