import { prettyJson } from '@/lib/utils';

/** Metadata text, pretty-printed when it is JSON. Scrollable, so it is focusable (keyboard users). */
export function MetadataBlock({ metadata, label }: { metadata: string; label: string }) {
  if (!metadata) return <p className="text-muted-foreground text-sm">None</p>;
  const pretty = prettyJson(metadata);

  return (
    <pre
      role="region"
      tabIndex={0}
      aria-label={label}
      className="bg-muted max-h-64 overflow-auto rounded-md p-3 font-mono text-xs whitespace-pre-wrap"
    >
      {pretty ?? metadata}
    </pre>
  );
}
