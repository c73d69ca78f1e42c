'use client';

import { byteLength, METADATA_LIMIT_BYTES } from '@/lib/schemas/rooms';
import { cn } from '@/lib/utils';

import { jsonError, looksLikeJson, formatBytes } from './metadata-text';
import { describedBy, FormField } from '@/components/ui/form-field';
import { textareaClassName } from '@/components/ui/textarea-class';

/**
 * Metadata text: JSON is validated as you type when the text starts with `{` or `[`, plain text is
 * accepted as is, and the size is shown against LiveKit's 512 KiB limit.
 */
export function MetadataEditor({
  id,
  label,
  value,
  onChange,
  error,
  help,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  help?: string;
}) {
  const bytes = byteLength(value);
  const isJson = looksLikeJson(value);
  const parseError = isJson ? jsonError(value) : null;
  const over = bytes > METADATA_LIMIT_BYTES;
  const status = !value
    ? 'Empty'
    : isJson
      ? parseError
        ? `Invalid JSON: ${parseError}`
        : 'Valid JSON'
      : 'Plain text';
  // The status line already says what is wrong with the JSON, more precisely: once is enough.
  const shownError = parseError ? undefined : error;

  return (
    <FormField
      id={id}
      label={label}
      error={shownError}
      help={
        <>
          {help ? <span className="block">{help}</span> : null}
          <span
            id={`${id}-status`}
            className="flex flex-wrap justify-between gap-2"
            aria-live="polite"
          >
            <span className={cn(parseError && 'text-destructive')}>{status}</span>
            <span className={cn('tabular-nums', over && 'text-destructive font-medium')}>
              {formatBytes(bytes)} of {formatBytes(METADATA_LIMIT_BYTES)}
            </span>
          </span>
        </>
      }
    >
      <textarea
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        rows={6}
        spellCheck={false}
        aria-invalid={Boolean(shownError) || Boolean(parseError) || over}
        aria-describedby={describedBy(id, { help: true, error: shownError })}
        className={textareaClassName}
      />
    </FormField>
  );
}
