// /api/embed/session – embed token → embed session (lib/http/embed-session-door.ts)
import { exchangeEmbedToken } from '@/lib/http/embed-session-door';

export const dynamic = 'force-dynamic';

export const POST = exchangeEmbedToken;
