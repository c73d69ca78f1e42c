import 'server-only';

import type { Role } from '@/lib/contracts/permissions';

export interface DemoAccount {
  username: string;
  password: string;
  name: string;
  role: Role;
  tenant: string | null;
}

/**
 * CAUTION: demo mode only (MODERATO_DEMO=1). These passwords are public — they are printed on the
 * login page. Bootstrap creates the accounts and the login page lists them; both read this list.
 */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: 'admin', password: 'admin-demo', name: 'Demo Admin', role: 'admin', tenant: null },
  {
    username: 'moderator',
    password: 'moderator-demo',
    name: 'Demo Moderator',
    role: 'moderator',
    tenant: null,
  },
  {
    username: 'viewer',
    password: 'viewer-demo',
    name: 'Demo Viewer',
    role: 'viewer',
    tenant: null,
  },
  {
    username: 'acme',
    password: 'acme-demo',
    name: 'Acme Moderator',
    role: 'moderator',
    tenant: 'acme',
  },
  {
    username: 'globex',
    password: 'globex-demo',
    name: 'Globex Viewer',
    role: 'viewer',
    tenant: 'globex',
  },
];
