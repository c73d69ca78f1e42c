'use client';

import { useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { describedBy, FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Modal, ModalClose, ModalContent, ModalFooter } from '@/components/ui/modal';
import { Select } from '@/components/ui/select';
import { SubmitButton } from '@/components/ui/submit-button';
import { fieldClassName } from '@/components/ui/input';
import type { BanScope } from '@/lib/contracts/bans';
import { useActorSummary } from '@/lib/queries/actor-context';
import { useBanParticipant } from '@/lib/queries/mutations/use-ban-participant';
import {
  BAN_DURATION_PRESETS,
  banReasonSchema,
  MAX_BAN_SECONDS,
  namePatternSchema,
} from '@/lib/schemas/bans';
import { cn } from '@/lib/utils';

const CUSTOM = 'custom';
const UNITS = [
  { label: 'minutes', seconds: 60 },
  { label: 'hours', seconds: 3600 },
  { label: 'days', seconds: 86_400 },
] as const;

type Errors = Partial<Record<'reason' | 'custom' | 'namePattern', string>>;

/**
 * "Remove and ban": unlike Remove, the identity cannot come back — every rejoin within the ban's
 * scope is removed again until it expires or is lifted. Asks for the reason (the participant is
 * told it), the duration, the scope and an optional name pattern.
 */
export function BanParticipantDialog({
  roomName,
  identity,
  onClose,
}: {
  roomName: string;
  identity: string;
  onClose: () => void;
}) {
  const ban = useBanParticipant();
  const { tenant } = useActorSummary();
  const [reason, setReason] = useState('');
  const [duration, setDuration] = useState<string>(String(BAN_DURATION_PRESETS[1].seconds));
  const [customAmount, setCustomAmount] = useState('2');
  const [customUnit, setCustomUnit] = useState<string>(String(UNITS[1].seconds));
  const [scope, setScope] = useState<BanScope>('room');
  const [namePattern, setNamePattern] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  const durationSeconds = (): number | null | undefined => {
    if (duration === 'permanent') return null;
    if (duration !== CUSTOM) return Number(duration);
    const amount = Number(customAmount);
    if (!Number.isInteger(amount) || amount < 1) return undefined;
    return amount * Number(customUnit);
  };

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: Errors = {};
    const parsedReason = banReasonSchema.safeParse(reason);
    if (!parsedReason.success) next.reason = parsedReason.error.issues[0]?.message;
    const seconds = durationSeconds();
    if (seconds === undefined) next.custom = 'Enter a whole number of at least 1';
    else if (seconds !== null && (seconds < 60 || seconds > MAX_BAN_SECONDS)) {
      next.custom = 'Between one minute and ten years; choose Permanent for longer';
    }
    const pattern = namePattern.trim();
    if (pattern) {
      const parsed = namePatternSchema.safeParse(pattern);
      if (!parsed.success) next.namePattern = parsed.error.issues[0]?.message;
    }
    setErrors(next);
    if (Object.keys(next).length > 0 || seconds === undefined) return;
    ban.mutate(
      {
        roomName,
        identity,
        reason: reason.trim(),
        durationSeconds: seconds,
        scope,
        ...(pattern ? { namePattern: pattern } : {}),
      },
      { onSuccess: onClose },
    );
  };

  const everyRoom = tenant ? `Every room of tenant ${tenant}` : 'Every room (every tenant)';

  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())}>
      <ModalContent
        title={`Remove and ban ${identity}`}
        description={`${identity} is told the reason, removed from ${roomName}, and removed again whenever they rejoin while the ban lasts.`}
        className="max-w-xl"
      >
        <form onSubmit={handleSubmit} className="flex flex-col gap-4" noValidate>
          <FormField
            id="ban-reason"
            label="Reason"
            help="Sent to the participant."
            error={errors.reason}
          >
            <textarea
              id="ban-reason"
              className={cn(fieldClassName, 'h-auto min-h-20 py-2')}
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={describedBy('ban-reason', { help: true, error: errors.reason })}
            />
          </FormField>
          <FormField
            id="ban-duration"
            label="Duration"
            error={duration === CUSTOM ? undefined : errors.custom}
          >
            <Select
              id="ban-duration"
              value={duration}
              onChange={(e) => setDuration(e.target.value)}
            >
              {BAN_DURATION_PRESETS.map((preset) => (
                <option
                  key={preset.label}
                  value={preset.seconds === null ? 'permanent' : String(preset.seconds)}
                >
                  {preset.label}
                </option>
              ))}
              <option value={CUSTOM}>Custom…</option>
            </Select>
          </FormField>
          {duration === CUSTOM ? (
            <fieldset className="flex flex-col gap-1.5">
              <legend className="mb-1 text-sm font-medium">Custom duration</legend>
              <div className="flex gap-2">
                <Input
                  type="number"
                  min={1}
                  step={1}
                  aria-label="Custom duration amount"
                  className="w-28"
                  value={customAmount}
                  onChange={(e) => setCustomAmount(e.target.value)}
                  aria-invalid={errors.custom ? true : undefined}
                  aria-describedby={errors.custom ? 'ban-custom-error' : undefined}
                />
                <Select
                  aria-label="Custom duration unit"
                  className="w-36"
                  value={customUnit}
                  onChange={(e) => setCustomUnit(e.target.value)}
                >
                  {UNITS.map((unit) => (
                    <option key={unit.label} value={String(unit.seconds)}>
                      {unit.label}
                    </option>
                  ))}
                </Select>
              </div>
              {errors.custom ? (
                <p id="ban-custom-error" className="text-destructive text-xs font-medium">
                  {errors.custom}
                </p>
              ) : null}
            </fieldset>
          ) : null}
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">Applies to</legend>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="ban-scope"
                className="size-4"
                checked={scope === 'room'}
                onChange={() => setScope('room')}
              />
              This room ({roomName})
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="ban-scope"
                className="size-4"
                checked={scope === 'all_rooms'}
                onChange={() => setScope('all_rooms')}
              />
              {everyRoom}
            </label>
          </fieldset>
          <FormField
            id="ban-name-pattern"
            label="Also ban names matching (optional)"
            help="Case-insensitive; * stands for any characters, ? for one. For someone who rejoins under another identity."
            error={errors.namePattern}
          >
            <Input
              id="ban-name-pattern"
              value={namePattern}
              maxLength={100}
              placeholder="e.g. mallory*"
              onChange={(e) => setNamePattern(e.target.value)}
              aria-invalid={errors.namePattern ? true : undefined}
              aria-describedby={describedBy('ban-name-pattern', {
                help: true,
                error: errors.namePattern,
              })}
            />
          </FormField>
          <p className="text-muted-foreground text-sm">
            On self-hosted LiveKit their token stays valid, so the ban holds by removing every
            rejoin at once; LiveKit Cloud also revokes the token.
          </p>
          <ModalFooter>
            <ModalClose asChild>
              <Button variant="secondary">Cancel</Button>
            </ModalClose>
            <SubmitButton pending={ban.isPending}>{`Remove and ban ${identity}`}</SubmitButton>
          </ModalFooter>
        </form>
      </ModalContent>
    </Modal>
  );
}
