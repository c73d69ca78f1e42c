import { expect, type BrowserContext, type Page } from '@playwright/test';

import type {
  AudioReceived,
  CallResult,
  ConnectInfo,
  ConnectOptions,
  LoggedTrack,
  ParticipantApi,
  ParticipantEvent,
  ParticipantEventName,
  ParticipantEventOf,
  PublishDataOptions,
  RoomSnapshot,
} from './events';

type Lk = { lk: ParticipantApi };

/** How an awaited event's absence reads in a failure: the last entries the page did log. */
function describeLog(events: ParticipantEvent[]): string {
  if (events.length === 0) return 'no SDK events';
  const tail = events.slice(-12).map(({ seq: _seq, at: _at, ...rest }) => JSON.stringify(rest));

  return `SDK events so far (last ${tail.length}): ${tail.join(', ')}`;
}

/**
 * One real `livekit-client` participant: a page of its own (own browser context, so its own
 * media devices and storage) driven through `window.lk` (participant-api.ts).
 */
export class Participant {
  /** Browser console lines of this page, attached to the report when a test fails. */
  readonly console: string[] = [];

  /**
   * URLs of the WebSockets the page opened, in order: the SDK's signal connections, whose path
   * (`/rtc/v1` or the legacy `/rtc`) shows which signal path it joined on.
   */
  readonly webSockets: string[] = [];

  constructor(
    readonly identity: string,
    readonly page: Page,
    private readonly context: BrowserContext,
  ) {
    page.on('console', (message) => this.console.push(`[${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => this.console.push(`[pageerror] ${error.message}`));
    page.on('websocket', (socket) => this.webSockets.push(socket.url()));
  }

  /** Paths of the signal connections the page opened (`/rtc/v1`, `/rtc`), in order. */
  signalPaths(): string[] {
    return this.webSockets.map((url) => new URL(url).pathname);
  }

  /** What the last successful `connect` answered (sid, identity, server version). */
  joined: ConnectInfo | null = null;

  /** Its own publications by source, as `localTrackPublished` reported them (server sids). */
  readonly published: Partial<Record<string, LoggedTrack>> = {};

  /** Its publication of `source` (`microphone`, `camera`), failing clearly when there is none. */
  publication(source: string): LoggedTrack {
    const track = this.published[source];
    if (!track) throw new Error(`${this.identity} has not published its ${source}`);

    return track;
  }

  async connect(
    url: string,
    token: string,
    options: ConnectOptions = {},
  ): Promise<CallResult<ConnectInfo>> {
    const result = await this.page.evaluate(
      ([u, t, o]) => (window as unknown as Lk).lk.connect(u, t, o),
      [url, token, options] as const,
    );
    if (result.ok) this.joined = result;

    return result;
  }

  setMicrophoneEnabled(enabled: boolean): Promise<CallResult<{ trackSid: string | null }>> {
    return this.page.evaluate((e) => (window as unknown as Lk).lk.setMicrophoneEnabled(e), enabled);
  }

  setCameraEnabled(enabled: boolean): Promise<CallResult<{ trackSid: string | null }>> {
    return this.page.evaluate((e) => (window as unknown as Lk).lk.setCameraEnabled(e), enabled);
  }

  publishData(text: string, options: PublishDataOptions = {}): Promise<CallResult> {
    return this.page.evaluate(([t, o]) => (window as unknown as Lk).lk.publishData(t, o), [
      text,
      options,
    ] as const);
  }

  events(): Promise<ParticipantEvent[]> {
    return this.page.evaluate(() => (window as unknown as Lk).lk.events());
  }

  snapshot(): Promise<RoomSnapshot> {
    return this.page.evaluate(() => (window as unknown as Lk).lk.snapshot());
  }

  framesDecoded(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as Lk).lk.framesDecoded());
  }

  audioReceived(): Promise<AudioReceived> {
    return this.page.evaluate(() => (window as unknown as Lk).lk.audioReceived());
  }

  /**
   * Waits until the page has logged an event `name` (matching `predicate`) and returns it. Polls
   * the log (no fixed sleep); on timeout the failure lists what the SDK did log instead.
   */
  async waitForEvent<N extends ParticipantEventName>(
    name: N,
    predicate: (event: ParticipantEventOf<N>) => boolean = () => true,
    options: { timeout?: number } = {},
  ): Promise<ParticipantEventOf<N>> {
    let found: ParticipantEventOf<N> | undefined;
    await expect
      .poll(
        async () => {
          const events = await this.events();
          found = events.find(
            (e): e is ParticipantEventOf<N> =>
              e.name === name && predicate(e as ParticipantEventOf<N>),
          );

          return found ? 'seen' : describeLog(events);
        },
        {
          message: `${this.identity}'s SDK to emit ${name}`,
          timeout: options.timeout ?? 10_000,
          intervals: [50, 100, 250],
        },
      )
      .toBe('seen');

    return found!;
  }

  /** Disconnects the Room (a clean leave) and closes the page. */
  async leave(): Promise<void> {
    if (this.page.isClosed()) return;
    await this.page
      .evaluate(() => (window as unknown as Lk).lk.disconnect())
      .catch(() => undefined);
    await this.context.close();
  }
}
