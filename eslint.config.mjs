import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

const serverOnlyDirs = ['lib/domain', 'lib/livekit', 'lib/http', 'lib/db', 'lib/auth'];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'next-env.d.ts',
    ],
  },
  {
    rules: {
      // The LiveKit SDK (and with it the API secret) lives behind one adapter.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'livekit-server-sdk',
              message: 'Import LiveKit only through lib/livekit/ (server-only adapter).',
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: [
      'lib/livekit/**',
      'dev/**',
      'bench/**',
      'e2e/**',
      'scripts/**',
      'test/**',
      '**/*.test.ts',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Client code may never import server-only layers.
    files: ['components/**', 'app/**/_components/**', 'lib/queries/**', 'lib/schemas/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // dto.ts and errors.ts are types and constants shared with the browser on purpose.
              group: [
                ...serverOnlyDirs.map((d) => `@/${d}/**`),
                '@/lib/env',
                '@/lib/actions/run-action',
                '!@/lib/domain/dto',
                '!@/lib/domain/errors',
              ],
              message: 'Server-only module: not importable from client or universal code.',
            },
          ],
        },
      ],
    },
  },
];

export default config;
