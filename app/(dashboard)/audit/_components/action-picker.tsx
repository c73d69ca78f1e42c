import { Select } from '@/components/ui/select';

import { groupAuditActions } from './action-groups';

/**
 * The action filter as a picker: every known action, grouped by what it acts on, each group led by
 * its family (`user.*`: every `user.…` action). A value from an old link that is no longer known
 * is still offered, so the picker shows what the URL filters on.
 */
export function ActionPicker({
  id,
  actions,
  value,
}: {
  id: string;
  actions: readonly string[];
  value: string | undefined;
}) {
  const groups = groupAuditActions(actions);
  const known = groups.some(
    (group) => group.family === value || group.actions.includes(value ?? ''),
  );

  return (
    <Select id={id} name="action" defaultValue={value ?? ''}>
      <option value="">Any action</option>
      {value && !known ? <option value={value}>{value}</option> : null}
      {groups.map((group) => (
        <optgroup key={group.family} label={group.family}>
          <option value={group.family}>{`Every ${group.family} action`}</option>
          {group.actions.map((action) => (
            <option key={action} value={action}>
              {action}
            </option>
          ))}
        </optgroup>
      ))}
    </Select>
  );
}
