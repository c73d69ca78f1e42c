import type { Role } from '@/lib/contracts/permissions';

/** What our session JWT and session object carry (see lib/auth/options.ts callbacks). */
declare module 'next-auth' {
  interface Session {
    user: {
      id: string;
      username: string;
      name: string;
      role: Role;
      tenant: string | null;
    };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    /** The server-side session record (lib/auth/sessions.ts); absent = refused. */
    sessionId?: string;
    userId?: string;
    username?: string;
    role?: Role;
    tenant?: string | null;
  }
}
