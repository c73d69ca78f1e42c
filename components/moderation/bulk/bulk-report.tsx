import type { BulkReportDto } from '@/lib/contracts/bulk';

/** A finished bulk run: counts, then who failed and why, then who was left out and why. */
export function BulkReport({ report }: { report: BulkReportDto }) {
  const { total, succeeded, failed, skipped, cancelled } = report;
  return (
    <div className="flex flex-col gap-4 text-sm">
      <p role="status">
        {succeeded} of {total} succeeded
        {failed.length > 0 ? `, ${failed.length} failed` : ''}
        {cancelled > 0 ? `, ${cancelled} cancelled` : ''}
        {skipped.length > 0 ? `; ${skipped.length} left out` : ''}.
      </p>
      {failed.length > 0 ? (
        <section aria-labelledby="bulk-failed">
          <h3 id="bulk-failed" className="mb-1 font-medium">
            Failed
          </h3>
          <ul className="flex max-h-48 flex-col gap-1 overflow-y-auto" aria-label="Failed">
            {failed.map((f) => (
              <li key={`${f.identity}/${f.trackSid ?? ''}`}>
                <span className="font-medium">{f.identity}</span>
                <span className="text-muted-foreground"> — {f.message}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {skipped.length > 0 ? (
        <details>
          <summary className="cursor-pointer font-medium">Left out ({skipped.length})</summary>
          <ul className="mt-1 flex max-h-48 flex-col gap-1 overflow-y-auto" aria-label="Left out">
            {skipped.map((s) => (
              <li key={s.identity}>
                <span className="font-medium">{s.identity}</span>
                <span className="text-muted-foreground"> — {s.reason}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
