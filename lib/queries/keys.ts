import type { AuditFilters } from '@/lib/queries/audit-filters';
import type { HistoryFilters } from '@/lib/queries/history-filters';

/** The only place query keys are spelled. SSE push (later) patches caches through these keys. */
export const roomKeys = {
  all: ['rooms'] as const,
  list: () => [...roomKeys.all, 'list'] as const,
  detail: (roomName: string) => [...roomKeys.all, 'detail', roomName] as const,
  participants: (roomName: string) => [...roomKeys.detail(roomName), 'participants'] as const,
  microphoneRestrictions: (roomName: string) =>
    [...roomKeys.detail(roomName), 'microphone-restrictions'] as const,
  lock: (roomName: string) => [...roomKeys.detail(roomName), 'lock'] as const,
  locks: () => [...roomKeys.all, 'locks'] as const,
  subscriptions: (roomName: string, identity: string) =>
    [...roomKeys.detail(roomName), 'subscriptions', identity] as const,
  participantSearch: (query: string) => [...roomKeys.all, 'participant-search', query] as const,
};

/** History's query keys (session lists and room timelines). */
export const historyKeys = {
  all: ['history'] as const,
  sessions: (filters: HistoryFilters) => [...historyKeys.all, 'sessions', filters] as const,
  /** Every timeline of a room: the room page's (`roomSid` null) and its sessions'. */
  roomEvents: (roomName: string) => [...historyKeys.all, 'events', roomName] as const,
  events: (roomName: string, roomSid: string | null) =>
    [...historyKeys.roomEvents(roomName), roomSid] as const,
};

export const livekitKeys = {
  all: ['livekit'] as const,
  status: () => [...livekitKeys.all, 'status'] as const,
  webhooks: () => [...livekitKeys.all, 'webhooks'] as const,
};

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, 'list', filters] as const,
};

export const userKeys = {
  all: ['users'] as const,
  list: () => [...userKeys.all, 'list'] as const,
  sessions: (userId: string) => [...userKeys.all, 'sessions', userId] as const,
};

export const apiKeyKeys = {
  all: ['api-keys'] as const,
  list: () => [...apiKeyKeys.all, 'list'] as const,
};

export const banKeys = {
  all: ['bans'] as const,
  list: () => [...banKeys.all, 'list'] as const,
};

export const presetKeys = {
  all: ['permission-presets'] as const,
  list: () => [...presetKeys.all, 'list'] as const,
};

export const embedPortalKeys = {
  all: ['embed-portals'] as const,
  list: () => [...embedPortalKeys.all, 'list'] as const,
};
