import type * as LivekitClientModule from 'livekit-client';

import type {
  CallResult,
  LoggedError,
  LoggedParticipant,
  LoggedPermission,
  LoggedTrack,
  ParticipantApi,
  ParticipantEvent,
} from './events';

/** An entry before `record` numbers and stamps it (Omit applied to each member of the union). */
type Unstamped<T> = T extends unknown ? Omit<T, 'seq' | 'at'> : never;
type NewEntry = Unstamped<ParticipantEvent>;

/**
 * Runs INSIDE the participant page (participant-server.ts inlines its source after the SDK's UMD
 * bundle), so it may only use what the page has: the `LivekitClient` global and the DOM. Imports
 * here are types only. It installs `window.lk` (events.ts, `ParticipantApi`) around one `Room`
 * and logs every SDK event the specs await.
 */
export function installParticipantApi(): void {
  const LK = (window as unknown as { LivekitClient: typeof LivekitClientModule }).LivekitClient;
  const { RoomEvent } = LK;
  const log: ParticipantEvent[] = [];
  let seq = 0;
  let room: LivekitClientModule.Room | null = null;

  const record = (entry: NewEntry) => {
    seq += 1;
    log.push({ ...entry, seq, at: Date.now() } as ParticipantEvent);
  };
  const enumName = (names: Record<number, string>, value: number | undefined) =>
    value === undefined ? null : (names[value] ?? String(value));
  const who = (participant: LivekitClientModule.Participant): LoggedParticipant => ({
    identity: participant.identity,
    local: participant instanceof LK.LocalParticipant,
  });
  const track = (publication: LivekitClientModule.TrackPublication): LoggedTrack => ({
    trackSid: publication.trackSid,
    source: publication.source,
    kind: publication.kind,
    muted: publication.isMuted,
  });
  const permission = (
    value: LivekitClientModule.Participant['permissions'],
  ): LoggedPermission | null => {
    if (!value) return null;
    // protobuf-es JSON names the sources (`MICROPHONE`), the message itself holds numbers.
    const json = value.toJson({ emitDefaultValues: true }) as { canPublishSources?: string[] };

    return {
      canPublish: value.canPublish,
      canSubscribe: value.canSubscribe,
      canPublishData: value.canPublishData,
      canPublishSources: json.canPublishSources ?? [],
      canUpdateMetadata: value.canUpdateMetadata,
      hidden: value.hidden,
    };
  };
  const failure = (error: unknown): { ok: false } & LoggedError => {
    const e = error as {
      name?: string;
      message?: string;
      reason?: number;
      status?: number;
      context?: unknown;
    };
    // By number, not `reasonName`: Room.connect rethrows a signal failure as a new
    // ServerUnreachable error with the cause's `reason` copied in, but its `reasonName` left stale.
    const reason =
      e instanceof LK.ConnectionError ? enumName(LK.ConnectionErrorReason, e.reason) : null;
    // InternalError keeps the HTTP status in `context`; LeaveRequest keeps the DisconnectReason.
    const context = e?.context;
    const contextStatus =
      typeof context === 'object' && context !== null
        ? (context as { status?: number }).status
        : undefined;

    return {
      ok: false,
      errorName: e?.name ?? typeof error,
      message: e?.message ?? String(error),
      reason,
      status: e?.status ?? contextStatus ?? null,
      leaveReason:
        reason === 'LeaveRequest' && typeof context === 'number'
          ? enumName(LK.DisconnectReason, context)
          : null,
    };
  };

  const listen = (r: LivekitClientModule.Room) => {
    r.on(RoomEvent.Connected, () => record({ name: 'connected' }))
      .on(RoomEvent.Disconnected, (reason) =>
        record({ name: 'disconnected', reason: enumName(LK.DisconnectReason, reason) }),
      )
      .on(RoomEvent.Reconnecting, () => record({ name: 'reconnecting' }))
      .on(RoomEvent.SignalReconnecting, () => record({ name: 'signalReconnecting' }))
      .on(RoomEvent.Reconnected, () => record({ name: 'reconnected' }))
      .on(RoomEvent.ConnectionStateChanged, (state) =>
        record({ name: 'connectionStateChanged', state }),
      )
      .on(RoomEvent.ParticipantConnected, (p) =>
        record({
          name: 'participantConnected',
          identity: p.identity,
          participantName: p.name ?? '',
        }),
      )
      .on(RoomEvent.ParticipantDisconnected, (p, reason) =>
        record({
          name: 'participantDisconnected',
          identity: p.identity,
          reason: enumName(LK.DisconnectReason, reason),
        }),
      )
      .on(RoomEvent.ParticipantNameChanged, (participantName, p) =>
        record({ name: 'participantNameChanged', ...who(p), participantName }),
      )
      .on(RoomEvent.ParticipantMetadataChanged, (_previous, p) =>
        record({ name: 'participantMetadataChanged', ...who(p), metadata: p.metadata ?? null }),
      )
      .on(RoomEvent.ParticipantAttributesChanged, (changed, p) =>
        record({
          name: 'participantAttributesChanged',
          ...who(p),
          changed: { ...changed },
          attributes: { ...p.attributes },
        }),
      )
      .on(RoomEvent.ParticipantPermissionsChanged, (_previous, p) =>
        record({
          name: 'participantPermissionsChanged',
          ...who(p),
          permission: permission(p.permissions),
        }),
      )
      .on(RoomEvent.RoomMetadataChanged, (metadata) =>
        record({ name: 'roomMetadataChanged', metadata }),
      )
      .on(RoomEvent.Moved, (roomName) => record({ name: 'moved', roomName }))
      .on(RoomEvent.TrackMuted, (pub, p) =>
        record({ name: 'trackMuted', ...who(p), ...track(pub) }),
      )
      .on(RoomEvent.TrackUnmuted, (pub, p) =>
        record({ name: 'trackUnmuted', ...who(p), ...track(pub) }),
      )
      .on(RoomEvent.TrackPublished, (pub, p) =>
        record({ name: 'trackPublished', ...who(p), ...track(pub) }),
      )
      .on(RoomEvent.TrackUnpublished, (pub, p) =>
        record({ name: 'trackUnpublished', ...who(p), ...track(pub) }),
      )
      .on(RoomEvent.LocalTrackPublished, (pub, p) =>
        record({ name: 'localTrackPublished', ...who(p), ...track(pub) }),
      )
      .on(RoomEvent.LocalTrackUnpublished, (pub, p) =>
        record({ name: 'localTrackUnpublished', ...who(p), ...track(pub) }),
      )
      .on(RoomEvent.TrackSubscribed, (_track, pub, p) =>
        record({ name: 'trackSubscribed', ...who(p), ...track(pub) }),
      )
      .on(RoomEvent.TrackUnsubscribed, (_track, pub, p) =>
        record({ name: 'trackUnsubscribed', ...who(p), ...track(pub) }),
      )
      .on(RoomEvent.TrackSubscriptionFailed, (trackSid, p, reason) =>
        record({
          name: 'trackSubscriptionFailed',
          identity: p.identity,
          trackSid,
          reason: enumName(LK.SubscriptionError, reason),
        }),
      )
      .on(RoomEvent.DataReceived, (payload, p, kind, topic) =>
        record({
          name: 'dataReceived',
          text: new TextDecoder().decode(payload),
          topic: topic ?? null,
          identity: p?.identity ?? null,
          kind: enumName(LK.DataPacket_Kind, kind),
        }),
      )
      .on(RoomEvent.MediaDevicesError, (error) =>
        record({ name: 'mediaDevicesError', message: error.message }),
      )
      // Remote audio is played out as an app plays it: Chromium decodes a remote audio track, and
      // counts its `totalSamplesReceived`, only while a media element renders it.
      .on(RoomEvent.TrackSubscribed, (t) => {
        if (t.kind === LK.Track.Kind.Audio) document.body.append(t.attach());
      })
      .on(RoomEvent.TrackUnsubscribed, (t) => {
        if (t.kind === LK.Track.Kind.Audio) t.detach().forEach((element) => element.remove());
      });
  };

  const connected = () => {
    if (!room) throw new Error('not connected: call lk.connect first');

    return room;
  };
  const publishSource = async (
    source: 'microphone' | 'camera',
    enabled: boolean,
  ): Promise<CallResult<{ trackSid: string | null }>> => {
    try {
      const local = connected().localParticipant;
      const pub =
        source === 'microphone'
          ? await local.setMicrophoneEnabled(enabled)
          : await local.setCameraEnabled(enabled);

      return { ok: true, trackSid: pub?.trackSid ?? null };
    } catch (error) {
      return failure(error);
    }
  };

  const api: ParticipantApi = {
    async connect(url, token, options = {}) {
      if (room) await room.disconnect();
      const r = new LK.Room({
        adaptiveStream: options.adaptiveStream ?? false,
        dynacast: options.dynacast ?? false,
        publishDefaults: { simulcast: options.simulcast ?? false },
        singlePeerConnection: options.singlePeerConnection ?? true,
      });
      room = r;
      listen(r);
      try {
        await r.connect(url, token, {
          autoSubscribe: options.autoSubscribe ?? true,
          peerConnectionTimeout: options.peerConnectionTimeout,
        });
      } catch (error) {
        return failure(error);
      }

      return {
        ok: true,
        sid: r.localParticipant.sid,
        identity: r.localParticipant.identity,
        participantName: r.localParticipant.name ?? '',
        roomName: r.name,
        serverVersion: r.serverInfo?.version ?? null,
      };
    },
    setMicrophoneEnabled: (enabled) => publishSource('microphone', enabled),
    setCameraEnabled: (enabled) => publishSource('camera', enabled),
    async publishData(text, options = {}) {
      try {
        await connected().localParticipant.publishData(new TextEncoder().encode(text), {
          topic: options.topic,
          reliable: options.reliable ?? true,
          destinationIdentities: options.destinationIdentities,
        });

        return { ok: true };
      } catch (error) {
        return failure(error);
      }
    },
    async disconnect() {
      await room?.disconnect();
    },
    events: () => log.slice(),
    snapshot() {
      const r = room;

      return {
        state: r?.state ?? 'disconnected',
        identity: r?.localParticipant.identity ?? null,
        permission: permission(r?.localParticipant.permissions),
        localTracks: r ? [...r.localParticipant.trackPublications.values()].map(track) : [],
        remote: r
          ? [...r.remoteParticipants.values()].map((p) => ({
              identity: p.identity,
              participantName: p.name ?? '',
              tracks: [...p.trackPublications.values()].map(track),
            }))
          : [],
      };
    },
    async framesDecoded() {
      let frames = 0;
      for (const p of room?.remoteParticipants.values() ?? []) {
        for (const pub of p.videoTrackPublications.values()) {
          const report = await pub.videoTrack?.getRTCStatsReport();
          report?.forEach((stat: { type?: string; kind?: string; framesDecoded?: number }) => {
            if (stat.type === 'inbound-rtp' && stat.kind === 'video') {
              frames += stat.framesDecoded ?? 0;
            }
          });
        }
      }

      return frames;
    },
    async audioReceived() {
      const received = { packetsReceived: 0, totalSamplesReceived: 0 };
      for (const p of room?.remoteParticipants.values() ?? []) {
        for (const pub of p.audioTrackPublications.values()) {
          const report = await pub.audioTrack?.getRTCStatsReport();
          report?.forEach(
            (stat: {
              type?: string;
              kind?: string;
              packetsReceived?: number;
              totalSamplesReceived?: number;
            }) => {
              if (stat.type === 'inbound-rtp' && stat.kind === 'audio') {
                received.packetsReceived += stat.packetsReceived ?? 0;
                received.totalSamplesReceived += stat.totalSamplesReceived ?? 0;
              }
            },
          );
        }
      }

      return received;
    },
  };
  (window as unknown as { lk: ParticipantApi }).lk = api;
}
