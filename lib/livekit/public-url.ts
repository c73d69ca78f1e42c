/**
 * The LiveKit URL browsers and apps are given (OpenTalk's `public_url`): LIVEKIT_PUBLIC_URL,
 * else LIVEKIT_URL. Free of server-only imports, so the proxy can derive the watch page's CSP
 * from the same rule (lib/http/watch-connect-sources.ts).
 */
export function publicLiveKitUrl(settings: {
  LIVEKIT_PUBLIC_URL?: string;
  LIVEKIT_URL?: string;
}): string | undefined {
  return settings.LIVEKIT_PUBLIC_URL || settings.LIVEKIT_URL;
}
