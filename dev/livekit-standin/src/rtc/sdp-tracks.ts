/**
 * The track ids a client is sending in an SDP offer, by mid: an m-section counts while its
 * direction is sendonly/sendrecv and it carries an `a=msid:<stream> <track>` line. livekit-client
 * uses the MediaStreamTrack id as both the msid track id and AddTrackRequest.cid, which is how
 * the server ties a published track to its m-line (and notices an unpublish on a later offer).
 */
export function sendingTracks(sdp: string): Map<string, string> {
  const byMid = new Map<string, string>();
  for (const section of sdp.split(/\r?\nm=/).slice(1)) {
    const lines = section.split(/\r?\n/);
    const mid = valueOf(lines, 'a=mid:');
    const msid = valueOf(lines, 'a=msid:');
    const sending = lines.some((l) => l === 'a=sendonly' || l === 'a=sendrecv');
    const trackId = msid?.split(' ')[1];
    if (mid !== undefined && trackId && sending) byMid.set(mid, trackId);
  }
  return byMid;
}

const valueOf = (lines: string[], prefix: string): string | undefined =>
  lines
    .find((l) => l.startsWith(prefix))
    ?.slice(prefix.length)
    .trim();
