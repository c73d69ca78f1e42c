import { gunzipSync } from 'node:zlib';
import { JoinRequest, WrappedJoinRequest, WrappedJoinRequest_Compression } from '@livekit/protocol';
import { RtcRefusal } from './refusal';

/** Go's http.DefaultMaxHeaderBytes: the bound on an uncompressed join request. */
const MAX_JOIN_REQUEST_BYTES = 1 << 20;

/**
 * Decodes the `/rtc/v1` `join_request` parameter: base64url of a WrappedJoinRequest whose
 * `joinRequest` bytes may be gzip'd. Each failure answers 400 with the real server's message
 * (`validateInternal` in livekit/livekit pkg/service/rtcservice.go).
 */
export function decodeJoinRequest(param: string): JoinRequest {
  const wrappedBytes = Buffer.from(param, 'base64url');
  if (wrappedBytes.length === 0 && param.length > 0) {
    throw new RtcRefusal(400, 'cannot base64 decode wrapped join request');
  }
  let wrapped: WrappedJoinRequest;
  try {
    wrapped = WrappedJoinRequest.fromBinary(wrappedBytes);
  } catch {
    throw new RtcRefusal(400, 'cannot unmarshal wrapped join request');
  }
  let bytes = wrapped.joinRequest;
  if (wrapped.compression === WrappedJoinRequest_Compression.GZIP) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_JOIN_REQUEST_BYTES });
    } catch (error) {
      const tooLarge = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      throw new RtcRefusal(
        400,
        tooLarge ? 'join request too large' : 'cannot read decompressed join request',
      );
    }
  } else if (bytes.length > MAX_JOIN_REQUEST_BYTES) {
    throw new RtcRefusal(400, 'join request too large');
  }
  try {
    return JoinRequest.fromBinary(bytes);
  } catch {
    throw new RtcRefusal(400, 'cannot unmarshal join request');
  }
}
