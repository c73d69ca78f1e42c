/**
 * The paths of our REST API that more than one place requests: the query hooks, and the embed
 * boot script that starts an embedded page's first reads before React has loaded
 * (lib/queries/embed-first-reads.ts). fetchJson matches those early reads by exact path, so both
 * build the paths here. Universal: the embed layout (a server component) imports it too.
 */
export const ROOMS_PATH = '/api/v1/rooms';

export const PERMISSION_PRESETS_PATH = '/api/v1/permission-presets';

export const roomPath = (roomName: string) => `${ROOMS_PATH}/${encodeURIComponent(roomName)}`;

export const participantsPath = (roomName: string) => `${roomPath(roomName)}/participants`;
