'use client';

import { useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import type { ParticipantDto } from '@/lib/contracts/dto';
import { useUpdateParticipant } from '@/lib/queries/mutations/use-update-participant';
import type { UpdateParticipantInput } from '@/lib/schemas/participants';

import { attributeChanges, attributeRowsProblem, type AttributeRow } from './attribute-changes';
import { AttributesEditor } from './attributes-editor';
import { MetadataEditor } from './metadata-editor';
import { metadataProblem } from './metadata-text';
import { describedBy, FormField } from '@/components/ui/form-field';
import { Modal, ModalClose, ModalContent, ModalFooter } from '@/components/ui/modal';
import { SubmitButton } from '@/components/ui/submit-button';

type Errors = Partial<Record<'name' | 'metadata' | 'attributes', string>>;

/** Name, metadata and attributes of a participant; sends only what changed. */
export function EditParticipantDialog({
  roomName,
  participant,
  onClose,
}: {
  roomName: string;
  participant: ParticipantDto;
  onClose: () => void;
}) {
  const { identity } = participant;
  const [initial] = useState(participant);
  const [name, setName] = useState(participant.name);
  const [metadata, setMetadata] = useState(participant.metadata);
  const [rows, setRows] = useState<AttributeRow[]>(() =>
    Object.entries(participant.attributes).map(([key, value]) => ({ key, value })),
  );
  const [errors, setErrors] = useState<Errors>({});
  const update = useUpdateParticipant();

  const changes: Omit<UpdateParticipantInput, 'roomName' | 'identity'> = {};
  if (name !== initial.name && name !== '') changes.name = name;
  if (metadata !== initial.metadata && metadata !== '') changes.metadata = metadata;
  const attributes = attributeChanges(initial.attributes, rows);
  if (attributes) changes.attributes = attributes;
  const changed = Object.keys(changes).length > 0;

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: Errors = {};
    const metaProblem = metadataProblem(metadata);
    if (metaProblem) next.metadata = metaProblem;
    const attrProblem = attributeRowsProblem(rows);
    if (attrProblem) next.attributes = attrProblem;
    setErrors(next);
    if (Object.keys(next).length > 0 || !changed) return;
    update.mutate(
      { roomName, identity, ...changes },
      {
        onSuccess: onClose,
        onError: (error) =>
          setErrors({
            name: error.fieldErrors?.name?.[0],
            metadata: error.fieldErrors?.metadata?.[0],
            attributes: error.fieldErrors?.attributes?.[0],
          }),
      },
    );
  };

  return (
    <Modal open onOpenChange={(open) => (open ? undefined : onClose())}>
      <ModalContent
        title={`Name, metadata and attributes of ${identity}`}
        description="LiveKit sends changes to everyone in the room at once."
        className="max-w-2xl"
      >
        <form onSubmit={handleSubmit} noValidate className="flex flex-col gap-4">
          <FormField
            id="participant-name"
            label="Display name"
            help="LiveKit cannot clear a name: leaving it empty keeps the current one."
            error={errors.name}
          >
            <Input
              id="participant-name"
              autoComplete="off"
              value={name}
              onChange={(e) => setName(e.target.value)}
              aria-describedby={describedBy('participant-name', { help: true, error: errors.name })}
            />
          </FormField>
          <MetadataEditor
            id="participant-metadata"
            label="Participant metadata"
            value={metadata}
            onChange={setMetadata}
            error={errors.metadata}
            help="LiveKit cannot clear participant metadata: empty text keeps the current value."
          />
          <AttributesEditor rows={rows} onChange={setRows} error={errors.attributes} />
          <ModalFooter>
            <ModalClose asChild>
              <Button variant="secondary">Cancel</Button>
            </ModalClose>
            <SubmitButton pending={update.isPending} disabled={!changed}>
              Save changes
            </SubmitButton>
          </ModalFooter>
        </form>
      </ModalContent>
    </Modal>
  );
}
