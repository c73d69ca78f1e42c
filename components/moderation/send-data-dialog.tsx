'use client';

import { SendIcon } from 'lucide-react';
import { useState, type FormEvent } from 'react';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { useSendData } from '@/lib/queries/mutations/use-send-data';
import { useParticipants } from '@/lib/queries/participants';
import { sendDataInputSchema } from '@/lib/schemas/participants';

import { RecipientPicker } from './recipient-picker';
import { describedBy, FormField } from '@/components/ui/form-field';
import { Modal, ModalClose, ModalContent, ModalFooter, ModalTrigger } from '@/components/ui/modal';
import { SubmitButton } from '@/components/ui/submit-button';
import { textareaClassName } from '@/components/ui/textarea-class';

type Errors = Partial<Record<'payload' | 'topic' | 'recipients', string>>;

function Choice({
  name,
  value,
  checked,
  onChange,
  label,
  hint,
}: {
  name: string;
  value: string;
  checked: boolean;
  onChange: () => void;
  label: string;
  hint?: string;
}) {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input
        type="radio"
        name={name}
        value={value}
        checked={checked}
        onChange={onChange}
        className="mt-0.5 size-4"
      />
      <span>
        {label}
        {hint ? <span className="text-muted-foreground block text-xs">{hint}</span> : null}
      </span>
    </label>
  );
}

function SendDataForm({ roomName, onDone }: { roomName: string; onDone: () => void }) {
  const { data: participants = [] } = useParticipants(roomName);
  const send = useSendData();
  const [payload, setPayload] = useState('');
  const [format, setFormat] = useState<'text' | 'json'>('text');
  const [topic, setTopic] = useState('');
  const [reliable, setReliable] = useState(true);
  const [everyone, setEveryone] = useState(true);
  const [recipients, setRecipients] = useState<string[]>([]);
  const [errors, setErrors] = useState<Errors>({});

  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      roomName,
      payload,
      format,
      topic: topic.trim() || undefined,
      reliable,
      destinationIdentities: everyone ? [] : recipients,
    };
    const parsed = sendDataInputSchema.safeParse(input);
    const next: Errors = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === 'payload' || field === 'topic') next[field] ??= issue.message;
      }
    }
    if (!everyone && recipients.length === 0) next.recipients = 'Choose at least one participant';
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    send.mutate(input, { onSuccess: onDone });
  };

  return (
    <form onSubmit={handleSubmit} noValidate className="flex flex-col gap-4">
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Recipients</legend>
        <Choice
          name="recipients"
          value="all"
          checked={everyone}
          onChange={() => setEveryone(true)}
          label="Everyone in the room"
        />
        <Choice
          name="recipients"
          value="some"
          checked={!everyone}
          onChange={() => setEveryone(false)}
          label="Chosen participants"
        />
        {!everyone ? (
          <RecipientPicker
            participants={participants}
            selected={recipients}
            onChange={setRecipients}
          />
        ) : null}
        {errors.recipients ? (
          <p className="text-destructive text-xs font-medium">{errors.recipients}</p>
        ) : null}
      </fieldset>
      <FormField
        id="send-data-topic"
        label="Topic"
        help="Optional. Apps subscribe to messages by topic."
        error={errors.topic}
      >
        <Input
          id="send-data-topic"
          autoComplete="off"
          value={topic}
          onChange={(e) => setTopic(e.target.value)}
          aria-describedby={describedBy('send-data-topic', { help: true, error: errors.topic })}
        />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">Delivery</legend>
          <Choice
            name="delivery"
            value="reliable"
            checked={reliable}
            onChange={() => setReliable(true)}
            label="Reliable"
            hint="Delivered in order, retransmitted if lost."
          />
          <Choice
            name="delivery"
            value="lossy"
            checked={!reliable}
            onChange={() => setReliable(false)}
            label="Lossy"
            hint="Faster, may be dropped."
          />
        </fieldset>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">Payload format</legend>
          <Choice
            name="format"
            value="text"
            checked={format === 'text'}
            onChange={() => setFormat('text')}
            label="Text"
          />
          <Choice
            name="format"
            value="json"
            checked={format === 'json'}
            onChange={() => setFormat('json')}
            label="JSON"
            hint="Checked before sending."
          />
        </fieldset>
      </div>
      <FormField id="send-data-payload" label="Message" error={errors.payload}>
        <textarea
          id="send-data-payload"
          rows={5}
          spellCheck={format === 'text'}
          value={payload}
          onChange={(e) => setPayload(e.target.value)}
          aria-invalid={Boolean(errors.payload)}
          aria-describedby={describedBy('send-data-payload', { error: errors.payload })}
          className={textareaClassName}
        />
      </FormField>
      <ModalFooter>
        <ModalClose asChild>
          <Button variant="secondary">Cancel</Button>
        </ModalClose>
        <SubmitButton pending={send.isPending}>Send message</SubmitButton>
      </ModalFooter>
    </form>
  );
}

/** "Send message" on the room page: a LiveKit data packet to everyone or to chosen participants. */
export function SendDataDialog({ roomName }: { roomName: string }) {
  const [open, setOpen] = useState(false);

  return (
    <Modal open={open} onOpenChange={setOpen}>
      <ModalTrigger asChild>
        <Button variant="secondary" aria-label={`Send message to ${roomName}`}>
          <SendIcon aria-hidden />
          Send message
        </Button>
      </ModalTrigger>
      <ModalContent
        title={`Send a message to ${roomName}`}
        description="Sent as a LiveKit data packet from the server; participants' apps decide how to show it."
        className="max-w-xl"
      >
        <SendDataForm roomName={roomName} onDone={() => setOpen(false)} />
      </ModalContent>
    </Modal>
  );
}
