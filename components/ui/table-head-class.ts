/**
 * The header row's look for plain `<table>`s (short lists: presets, bans, credentials, sessions,
 * deliveries), the same as the sortable tables' header (table-parts.tsx), so every table of the
 * dashboard reads alike.
 */
export const TABLE_HEAD_CLASS = 'bg-muted text-muted-foreground text-xs font-semibold';
