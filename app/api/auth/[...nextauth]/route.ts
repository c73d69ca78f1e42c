// GET/POST /api/auth/* – next-auth v4: sign-in, callbacks, session, CSRF token, sign-out
import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';

import { getAuthOptions } from '@/lib/auth/options';

type Context = { params: Promise<{ nextauth: string[] }> };

// Options are resolved per request (lazily, once) so env is read at run time, not at build.
function handler(request: NextRequest, context: Context): Promise<Response> {
  return NextAuth(request, context, getAuthOptions());
}

export { handler as GET, handler as POST };
