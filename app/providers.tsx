'use client';

import { QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Toaster } from 'sonner';

import { getQueryClient } from '@/lib/queries/query-client';

export function Providers({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();

  return (
    <QueryClientProvider client={queryClient}>
      {children}
      {/*
          Bottom centre: every table keeps its row actions at the right edge (⋮, user buttons) and
          its links at the left, so a toast here never covers one. A long identity or room name
          wraps anywhere and is cut after three lines, so a toast stays small.
        */}
      <Toaster
        richColors
        closeButton
        position="bottom-center"
        toastOptions={{
          classNames: {
            title: 'line-clamp-3 [overflow-wrap:anywhere]',
            description: 'line-clamp-3 [overflow-wrap:anywhere]',
          },
        }}
      />
    </QueryClientProvider>
  );
}
