import {
  participantsPath,
  PERMISSION_PRESETS_PATH,
  ROOMS_PATH,
  roomPath,
} from '@/lib/queries/api-paths';

const ROOM_LIST = /^\/embed\/[^/]+\/rooms\/?$/;
const ROOM = /^\/embed\/[^/]+\/rooms\/([^/]+)\/?$/;

/**
 * The reads an embedded page needs before it can show anything, by its path: the boot script
 * starts them as soon as the first session exists, while React still loads
 * (lib/embed/embed-boot-script.ts). Only reads every embed session may make (`rooms.read`), so an
 * early read is never a refusal the page itself would not have risked. A path missing here only
 * means the page asks for it itself, later.
 */
export function embedFirstReads(pathname: string): string[] {
  if (ROOM_LIST.test(pathname)) return [ROOMS_PATH];
  const room = ROOM.exec(pathname)?.[1];
  if (room === undefined) return [];
  let roomName: string;
  try {
    // As the page decodes its segment (app/(dashboard)/rooms/[roomName]/room-name-param.ts).
    roomName = decodeURIComponent(room);
  } catch {
    return [];
  }
  return [roomPath(roomName), participantsPath(roomName), PERMISSION_PRESETS_PATH];
}
