import { RadioTowerIcon } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';

import { NavLinks, type NavItem } from '@/components/layout/nav-links';
import { SignOutButton } from '@/components/layout/sign-out-button';
import { UserSummary } from '@/components/layout/user-summary';

export function AppShell({
  navItems,
  banner,
  children,
}: {
  navItems: NavItem[];
  banner?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="bg-primary text-primary-foreground sr-only z-50 rounded-md px-3 py-2 focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      {/* Brand and account on one row, the sections on their own: a deployment's admin sees
          eleven of them, which no longer fit beside the account on a laptop screen. */}
      <header className="bg-card border-b">
        <div className="mx-auto flex max-w-7xl flex-col gap-2 px-4 pt-3 pb-2 sm:px-6">
          <div className="flex items-center gap-x-6">
            <Link href="/rooms" className="flex items-center gap-2 font-semibold">
              <RadioTowerIcon aria-hidden className="text-primary size-5" />
              Moderato
            </Link>
            <div className="ml-auto flex min-w-0 items-center gap-3">
              <UserSummary />
              <SignOutButton />
            </div>
          </div>
          <nav aria-label="Main" className="-mx-3 overflow-x-auto">
            <NavLinks items={navItems} />
          </nav>
        </div>
      </header>
      <main
        id="main"
        className="mx-auto flex w-full max-w-7xl flex-1 flex-col gap-4 px-4 py-6 sm:px-6"
      >
        {banner}
        {children}
      </main>
    </div>
  );
}
