import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

/**
 * The layers as import zones (docs/ARCHITECTURE.md, "Boundary rules"). `target` is the importing
 * file, `from` what it may not import, `except` the holes (relative to `from`). Paths are relative
 * to the repository root; type-only imports count too (the rule has no option to skip them).
 */
const SERVER_ONLY = [
  'lib/domain',
  'lib/livekit',
  'lib/http',
  'lib/db',
  'lib/auth',
  'lib/callers',
  'lib/env.ts',
  'lib/live',
];
const CLIENT = ['components', 'app/**/_components/**', 'lib/queries'];

/** `extraPackages`: what a test file may import on top (its runner). */
const layerZones = (extraPackages = []) => [
  {
    target: 'lib/contracts',
    from: '.',
    except: ['./lib/contracts', './node_modules/zod', ...extraPackages],
    message: 'lib/contracts is the shared vocabulary: it imports only zod and other contracts.',
  },
  {
    target: 'lib/schemas',
    from: ['app', 'components', 'lib'],
    except: ['./contracts', './schemas'],
    message: 'lib/schemas is universal: it imports only lib/contracts and other schemas.',
  },
  {
    target: CLIENT,
    from: SERVER_ONLY,
    message:
      'Server-only module: client code reads lib/contracts and calls lib/actions/operations.',
  },
  {
    target: CLIENT,
    from: 'lib/actions',
    except: ['./operations.ts', './action-result.ts'],
    message: 'Client code calls server actions only through lib/actions/operations.ts.',
  },
  {
    target: 'lib/domain',
    from: [
      'app',
      'components',
      'lib/actions',
      'lib/http',
      'lib/callers',
      'lib/queries',
      'lib/live',
    ],
    message: 'The domain is called by the doors (actions, routes, pages), never the other way.',
  },
  {
    target: 'lib/livekit',
    from: ['app', 'components'],
    message: 'lib/livekit is the LiveKit adapter: it knows nothing of the UI.',
  },
  {
    // env.ts: the adapter reads its own URL and credentials. schemas: the validated input types
    // (e.g. CreateRoomOptions) come from the universal zod schemas instead of being restated.
    target: 'lib/livekit',
    from: 'lib',
    except: ['./livekit', './contracts', './domain/errors.ts', './env.ts', './schemas'],
    message: 'lib/livekit imports only contracts, schemas, env.ts, domain/errors.ts and itself.',
  },
];

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
    settings: {
      // Packages cannot import our code back, so no-cycle need not parse their typings (without
      // this, `eslint .` takes four times as long).
      'import/ignore': ['node_modules'],
    },
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
      'import/no-restricted-paths': ['error', { zones: layerZones() }],
      // Skips type-only imports (erased at build). The rule finds cycles from a graph it builds once,
      // so maxDepth only bounds the length of a reported cycle, not the lint time.
      'import/no-cycle': ['error', { maxDepth: 10, ignoreExternal: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'import/no-restricted-paths': [
        'error',
        { zones: layerZones(['./node_modules/vitest', './node_modules/@testing-library']) },
      ],
    },
  },
  {
    files: [
      'lib/livekit/**',
      'dev/**',
      'bench/**',
      'e2e/**',
      'e2e-clients/**',
      'scripts/**',
      'test/**',
      '**/*.test.ts',
    ],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The stand-in has no React: werift's `useVP8()`-style codec helpers are not hooks.
    files: ['dev/livekit-standin/**'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
];

export default config;
