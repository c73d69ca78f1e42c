import 'server-only';

/**
 * Request header proxy.ts sets to the requested page path (plus query), so a server layout that
 * must send someone to /login knows where to bring them back. Only ever used as a same-origin
 * callback path, so a forged value can do no harm.
 */
export const PATH_HEADER = 'x-moderato-path';
