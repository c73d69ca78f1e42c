/**
 * A connection the signal endpoints turn away before the WebSocket upgrade. The real server writes
 * these as plain text with the status it chose (`HandleError` in livekit/livekit
 * pkg/service/utils.go); livekit-client reads the text through `/rtc/v1/validate`.
 */
export class RtcRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

// Messages of the real server's errors (livekit/livekit pkg/rtc/errors.go, pkg/service/errors.go).
export const NO_ROOM_PERMISSION = 'no permissions to access the room';
export const PERMISSIONS_DENIED = 'permissions denied';
