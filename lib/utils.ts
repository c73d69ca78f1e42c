import { clsx, type ClassValue } from 'clsx';
import { twMerge } from 'tailwind-merge';

export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}

const UNITS: [limitSeconds: number, divisor: number, unit: Intl.RelativeTimeFormatUnit][] = [
  [60, 1, 'second'],
  [3600, 60, 'minute'],
  [86_400, 3600, 'hour'],
  [86_400 * 30, 86_400, 'day'],
  [86_400 * 365, 86_400 * 30, 'month'],
  [Infinity, 86_400 * 365, 'year'],
];

const relativeFormat = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' });

/** "5 min. ago" style text for `atMs` seen from `nowMs`. */
export function formatRelative(atMs: number, nowMs: number): string {
  const deltaSeconds = Math.round((atMs - nowMs) / 1000);
  const abs = Math.abs(deltaSeconds);
  if (abs < 10) return 'just now';
  for (const [limit, divisor, unit] of UNITS) {
    if (abs < limit) return relativeFormat.format(Math.round(deltaSeconds / divisor), unit);
  }

  return relativeFormat.format(deltaSeconds, 'second');
}

/** "2h 5m" style duration, for room ages. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(totalSeconds / 86_400);
  const hours = Math.floor((totalSeconds % 86_400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${minutes}m`;
  if (minutes > 0) return `${minutes}m`;

  return `${seconds}s`;
}

/**
 * Absolute timestamp in UTC with a fixed format, so server and browser render the same text
 * (a locale- or timezone-dependent string would break hydration).
 */
export function formatAbsolute(atMs: number): string {
  if (!Number.isFinite(atMs) || atMs <= 0) return '—';

  return `${new Date(atMs).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** Seconds as a short human duration ("5 min", "20 s"), 0 = the server default. */
export function formatSeconds(seconds: number): string {
  if (seconds <= 0) return 'Server default';
  if (seconds % 86_400 === 0) return `${seconds / 86_400} ${seconds === 86_400 ? 'day' : 'days'}`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;

  return `${seconds} s`;
}

/** Pretty-prints JSON text; returns null when the text is not JSON. */
export function prettyJson(text: string): string | null {
  if (!text.trim()) return null;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return null;
  }
}

/** A one-line preview of metadata text, capped at `max` characters. */
export function previewText(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();

  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** `ACTIVE` → `Active`, `SCREEN_SHARE` → `Screen share`. */
export function humanizeEnum(value: string): string {
  const lower = value.toLowerCase().replace(/_/g, ' ');

  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

/** "12 rooms", "1 room" or "3 of 12 rooms" for a filtered list. */
export function countLabel(
  shown: number,
  total: number,
  noun: string,
  plural = `${noun}s`,
): string {
  if (shown === total) return `${total} ${total === 1 ? noun : plural}`;
  return `${shown} of ${total} ${plural}`;
}
