import { notFound } from 'next/navigation';

type RoomParams = Promise<{ roomName: string }>;

/**
 * The room name in `/rooms/[roomName]`, for the page. Next hands a page its dynamic segments
 * percent-encoded (`my%20room`) and links encode names with encodeURIComponent, so decoding once
 * gives back the exact name LiveKit knows: spaces, `+`, `%`, `?` and non-ASCII included. A
 * segment that is not valid percent-encoding names no room.
 */
export async function roomNameParam(params: RoomParams): Promise<string> {
  const { roomName } = await params;
  try {
    return decodeURIComponent(roomName);
  } catch {
    notFound();
  }
}

/**
 * The same name for `generateMetadata` (the tab title). Next 16.2+ passes generateMetadata its
 * params already decoded, unlike the page (vercel/next.js#95343, with a fix proposed that would
 * encode them again). The value is decoded only when it is exactly the encoding of a name, so
 * the title is right either way; the page above never guesses.
 */
export async function roomNameTitleParam(params: RoomParams): Promise<string> {
  const { roomName } = await params;
  try {
    const decoded = decodeURIComponent(roomName);
    return encodeURIComponent(decoded) === roomName ? decoded : roomName;
  } catch {
    return roomName;
  }
}
