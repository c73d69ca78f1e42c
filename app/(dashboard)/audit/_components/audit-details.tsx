import type { ReactNode } from 'react';

import type { AuditEventDto } from '@/lib/contracts/dto';
import { ERROR_CODES } from '@/lib/contracts/errors';
import { formatAbsolute } from '@/lib/utils';

function errorSummary(code: string): string | null {
  return Object.hasOwn(ERROR_CODES, code)
    ? ERROR_CODES[code as keyof typeof ERROR_CODES].summary
    : null;
}

function Value({ value }: { value: unknown }) {
  if (typeof value === 'string') return <span className="wrap-anywhere">{value}</span>;
  return (
    <code className="font-mono text-xs wrap-anywhere whitespace-pre-wrap">
      {JSON.stringify(value, null, 2)}
    </code>
  );
}

/**
 * Everything one audit row holds that the table has no room for: the exact time, who by id, each
 * parameter the action recorded, and what its error code means.
 */
export function AuditDetails({ event }: { event: AuditEventDto }) {
  const params = Object.entries(event.params ?? {});
  const summary = event.errorCode ? errorSummary(event.errorCode) : null;
  const items: { label: string; value: ReactNode }[] = [
    { label: 'Time', value: formatAbsolute(event.atMs) },
    {
      label: 'Actor',
      value: event.actorId ? `${event.actorName} (user id ${event.actorId})` : event.actorName,
    },
    {
      label: 'Error',
      value: event.errorCode ? (
        <>
          <code className="font-mono text-xs">{event.errorCode}</code>
          {summary ? ` — ${summary}` : null}
        </>
      ) : (
        'None'
      ),
    },
  ];
  if (event.trackSid) {
    items.push({
      label: 'Track',
      value: <code className="font-mono text-xs">{event.trackSid}</code>,
    });
  }

  return (
    <div className="grid gap-4 text-sm md:grid-cols-2">
      <dl className="grid grid-cols-[max-content_1fr] content-start gap-x-4 gap-y-1">
        {items.map((item) => (
          <div key={item.label} className="contents">
            <dt className="text-muted-foreground">{item.label}</dt>
            <dd className="min-w-0">{item.value}</dd>
          </div>
        ))}
      </dl>
      <div className="min-w-0">
        <h3 className="text-muted-foreground mb-1 text-xs font-semibold">Parameters</h3>
        {params.length > 0 ? (
          <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
            {params.map(([key, value]) => (
              <div key={key} className="contents">
                <dt className="font-mono text-xs">{key}</dt>
                <dd className="min-w-0">
                  <Value value={value} />
                </dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="text-muted-foreground">None recorded.</p>
        )}
      </div>
    </div>
  );
}
