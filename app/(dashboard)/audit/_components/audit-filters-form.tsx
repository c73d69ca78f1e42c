import Form from 'next/form';
import Link from 'next/link';

import { buttonClassName } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';
import { AUDIT_OUTCOMES, AUDIT_SOURCE_LABELS, AUDIT_SOURCES } from '@/lib/contracts/audit';
import type { AuditFilters } from '@/lib/queries/audit-filters';
import { humanizeEnum } from '@/lib/utils';

import { ActionPicker } from './action-picker';

const TEXT_FIELDS = [
  { name: 'roomName', label: 'Room', placeholder: 'Room name' },
  { name: 'identity', label: 'Participant', placeholder: 'Identity' },
] as const;

/**
 * A GET form: the URL's search params are the filter state, so every view is linkable. The sort
 * rides along, so filtering keeps the order the table shows.
 */
export function AuditFiltersForm({
  filters,
  actions,
}: {
  filters: AuditFilters;
  /** Every action the log can hold, for the picker. */
  actions: readonly string[];
}) {
  return (
    <Form
      action="/audit"
      aria-label="Audit log filters"
      className="bg-card grid grid-cols-1 gap-3 rounded-lg border p-4 sm:grid-cols-2 lg:grid-cols-4"
    >
      <div className="flex flex-col gap-1">
        <Label htmlFor="audit-actor">Actor</Label>
        <Input
          id="audit-actor"
          name="actor"
          defaultValue={filters.actor ?? ''}
          placeholder="Username, e.g. admin"
          aria-describedby="audit-actor-hint"
        />
        <p id="audit-actor-hint" className="text-muted-foreground text-xs">
          Matches usernames, not display names.
        </p>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="audit-action">Action</Label>
        <ActionPicker id="audit-action" actions={actions} value={filters.action} />
      </div>
      {TEXT_FIELDS.map((field) => (
        <div key={field.name} className="flex flex-col gap-1">
          <Label htmlFor={`audit-${field.name}`}>{field.label}</Label>
          <Input
            id={`audit-${field.name}`}
            name={field.name}
            defaultValue={filters[field.name] ?? ''}
            placeholder={field.placeholder}
          />
        </div>
      ))}
      <div className="flex flex-col gap-1">
        <Label htmlFor="audit-outcome">Outcome</Label>
        <Select id="audit-outcome" name="outcome" defaultValue={filters.outcome ?? ''}>
          <option value="">Any outcome</option>
          {AUDIT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {humanizeEnum(o)}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="audit-source">Source</Label>
        <Select id="audit-source" name="source" defaultValue={filters.source ?? ''}>
          <option value="">Any source</option>
          {AUDIT_SOURCES.map((s) => (
            <option key={s} value={s}>
              {AUDIT_SOURCE_LABELS[s]}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="audit-from">From (UTC)</Label>
        <Input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ''} />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="audit-to">To (UTC)</Label>
        <Input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ''} />
      </div>
      {filters.sort ? <input type="hidden" name="sort" value={filters.sort} /> : null}
      <div className="flex items-center gap-2 sm:col-span-2 lg:col-span-4">
        <button type="submit" className={buttonClassName({ size: 'sm' })}>
          Apply filters
        </button>
        <Link href="/audit" className={buttonClassName({ variant: 'ghost', size: 'sm' })}>
          Clear
        </Link>
      </div>
    </Form>
  );
}
