'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';

import { applyFieldErrors } from '@/components/moderation/apply-field-errors';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { describedBy, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { RelativeTime } from '@/components/ui/relative-time';
import { SubmitButton } from '@/components/ui/submit-button';
import {
  DEFAULT_JOIN_LINK_TEMPLATE,
  JOIN_LINK_PLACEHOLDERS,
  type JoinLinkTemplateDto,
} from '@/lib/contracts/tokens';
import { useSetJoinLinkTemplate } from '@/lib/queries/mutations/use-set-join-link-template';
import { joinLinkTemplateValueSchema } from '@/lib/schemas/tokens';

const formSchema = z.object({ template: joinLinkTemplateValueSchema });
type FormValues = z.input<typeof formSchema>;

function Source({ current }: { current: JoinLinkTemplateDto }) {
  if (current.source === 'default') return <>LiveKit Meet&apos;s, built in.</>;
  const scope = current.source === 'tenant' ? `tenant ${current.tenant}` : 'every tenant';
  return (
    <>
      Set for {scope} by {current.updatedBy},{' '}
      {current.updatedAtMs ? <RelativeTime atMs={current.updatedAtMs} /> : null}.
    </>
  );
}

/**
 * The join link template: where a generated token's link sends it. A tenant's admin edits its
 * tenant's template; resetting falls back to the one for every tenant, then to LiveKit Meet's.
 */
export function JoinLinkTemplateCard({
  initial,
  actorTenant,
}: {
  initial: JoinLinkTemplateDto | null;
  actorTenant: string | null;
}) {
  const [current, setCurrent] = useState(initial);
  const [confirmReset, setConfirmReset] = useState(false);
  const save = useSetJoinLinkTemplate();
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: { template: initial?.template ?? DEFAULT_JOIN_LINK_TEMPLATE },
  });
  const { errors } = form.formState;
  const ownScope = actorTenant ? `tenant ${actorTenant}` : 'every tenant';
  const canReset = current !== null && current.source === (actorTenant ? 'tenant' : 'global');

  const saved = (dto: JoinLinkTemplateDto) => {
    setCurrent(dto);
    form.reset({ template: dto.template });
  };
  const onSubmit = form.handleSubmit((values) =>
    save.mutate(values, {
      onSuccess: saved,
      onError: (error) => applyFieldErrors(error, form.setError),
    }),
  );

  return (
    <Card aria-labelledby="join-link-heading" className="flex flex-col gap-4 p-5">
      <div>
        <h2 id="join-link-heading" className="text-lg font-semibold">
          Join link template
        </h2>
        <p className="text-muted-foreground text-sm">
          {current ? <Source current={current} /> : 'The current template could not be read.'}{' '}
          Changes apply to tokens generated from now on, for {ownScope}.
        </p>
      </div>
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3">
        <FormField
          id="join-link-template"
          label="Join link template"
          help="An http or https URL with {token}; the site must be written out."
          error={errors.template?.message}
        >
          <Input
            id="join-link-template"
            autoComplete="off"
            spellCheck={false}
            className="font-mono text-sm"
            aria-invalid={Boolean(errors.template)}
            aria-describedby={describedBy('join-link-template', {
              help: true,
              error: errors.template?.message,
            })}
            {...form.register('template')}
          />
        </FormField>
        <dl className="text-muted-foreground grid gap-x-3 gap-y-1 text-xs sm:grid-cols-[auto_1fr]">
          {Object.entries(JOIN_LINK_PLACEHOLDERS).map(([name, meaning]) => (
            <div key={name} className="contents">
              <dt className="font-mono">{`{${name}}`}</dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
        <div className="flex flex-wrap justify-end gap-2">
          {canReset ? (
            <Button variant="secondary" onClick={() => setConfirmReset(true)}>
              Reset join link template
            </Button>
          ) : null}
          <SubmitButton pending={save.isPending}>Save join link template</SubmitButton>
        </div>
      </form>
      <ConfirmDialog
        open={confirmReset}
        onOpenChange={setConfirmReset}
        title="Reset the join link template?"
        confirmLabel="Reset join link template"
        pending={save.isPending}
        onConfirm={() =>
          save.mutate(
            { template: '' },
            {
              onSuccess: (dto) => {
                saved(dto);
                setConfirmReset(false);
              },
            },
          )
        }
      >
        <p>
          Links of tokens generated from now on use{' '}
          {actorTenant ? 'the template set for every tenant, or ' : ''}LiveKit Meet&apos;s template
          again. Tokens already generated keep their links.
        </p>
      </ConfirmDialog>
    </Card>
  );
}
