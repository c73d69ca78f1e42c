import { Card } from '@/components/ui/card';

/** What to configure on LiveKit's side; the same steps as the README's "Webhooks" section. */
export function WebhookSetup({
  receiverUrl,
  apiKey,
  dedicatedPort,
}: {
  receiverUrl: string;
  apiKey: string;
  /** MODERATO_WEBHOOK_PORT when this instance listens on it. */
  dedicatedPort: number | null;
}) {
  const yaml = `webhook:\n  api_key: ${apiKey}\n  urls:\n    - ${receiverUrl}`;

  return (
    <Card aria-labelledby="webhook-setup-heading" className="flex flex-col gap-4 p-5">
      <h2 id="webhook-setup-heading" className="text-lg font-semibold">
        Setup
      </h2>
      <div className="flex flex-col gap-1">
        <p className="text-sm font-medium" id="receiver-url-label">
          Receiver URL
        </p>
        <code
          aria-labelledby="receiver-url-label"
          className="bg-muted w-fit rounded-md px-2 py-1 font-mono text-sm break-all"
        >
          {receiverUrl}
        </code>
        <p className="text-muted-foreground text-sm">
          LiveKit must be able to reach this address. Webhooks must be signed with the API key
          Moderato uses ({apiKey}).
        </p>
        {dedicatedPort !== null && (
          <p className="text-muted-foreground text-sm">
            This instance also receives webhooks on port {dedicatedPort}, path{' '}
            <code>/api/livekit/webhook</code> (<code>MODERATO_WEBHOOK_PORT</code>), outside the
            dashboard&apos;s request pipeline: use that address instead when LiveKit can reach it
            and sends many events.
          </p>
        )}
      </div>
      <div className="flex flex-col gap-1">
        <h3 className="text-sm font-medium">Self-hosted LiveKit (livekit.yaml)</h3>
        <pre
          aria-label="LiveKit webhook configuration"
          className="bg-muted overflow-x-auto rounded-md px-3 py-2 font-mono text-sm"
        >
          {yaml}
        </pre>
        <p className="text-muted-foreground text-sm">
          <code>api_key</code> must be one of the server&apos;s <code>keys</code>; restart LiveKit
          after the change.
        </p>
      </div>
      <div className="flex flex-col gap-1">
        <h3 className="text-sm font-medium">LiveKit Cloud</h3>
        <ol className="text-muted-foreground list-decimal pl-5 text-sm">
          <li>Open your project on cloud.livekit.io and go to Settings → Webhooks.</li>
          <li>Create a webhook with the receiver URL above.</li>
          <li>Choose the API key {apiKey} as its signing key, and save.</li>
        </ol>
      </div>
      <p className="text-muted-foreground text-sm">
        Without webhooks the live views stay right through reconciliation, only a little later.
      </p>
    </Card>
  );
}
