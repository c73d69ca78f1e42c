import { publicLiveKitUrl } from '@/lib/livekit/public-url';

/**
 * What the watch view's browser may connect to besides our origin: the LiveKit server clients are
 * told to use (LIVEKIT_PUBLIC_URL, else LIVEKIT_URL), by WebSocket for signalling and by HTTP(S)
 * for the client's `/rtc/validate` check. Only the watch page gets it: no other page talks to
 * LiveKit from the browser, so none may.
 */

/** `/rooms/<roomName>/watch`, the one page that joins a room from the browser. */
const WATCH_PATH = /^\/rooms\/[^/]+\/watch\/?$/;

/**
 * LiveKit Cloud's client connects to the project's host, then to a regional host of the same
 * domain (`<project>.<region>.production.livekit.cloud`, chosen from `/settings/regions`).
 */
const CLOUD_DOMAIN = /(^|\.)livekit\.cloud$/;

/** The CSP sources of a LiveKit server URL (http(s) or ws(s)); none for one that does not parse. */
export function livekitConnectSources(url: string | undefined): string[] {
  if (!url) return [];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [];
  }
  const secure = parsed.protocol === 'https:' || parsed.protocol === 'wss:';
  if (!secure && parsed.protocol !== 'http:' && parsed.protocol !== 'ws:') return [];
  const host = CLOUD_DOMAIN.test(parsed.hostname) ? '*.livekit.cloud' : parsed.host;
  return secure ? [`wss://${host}`, `https://${host}`] : [`ws://${host}`, `http://${host}`];
}

export function watchConnectSources(
  pathname: string,
  environment: Record<string, string | undefined> = process.env,
): string[] {
  if (!WATCH_PATH.test(pathname)) return [];
  return livekitConnectSources(publicLiveKitUrl(environment));
}
