import { describe, expect, it } from 'vitest';

import { readDemoOptions, USAGE, UsageError } from './options';

describe('npm run demo flags', () => {
  it('defaults to the documented ports, simulation on, self-hosted behaviour', () => {
    expect(readDemoOptions([], {})).toEqual({
      port: 3000,
      livekitPort: 7880,
      host: '127.0.0.1',
      simulate: true,
      cloud: false,
      remoteUnmute: false,
      rebuild: false,
      help: false,
    });
    expect(readDemoOptions([], { PORT: '4000' }).port).toBe(4000);
  });

  it('reads every flag', () => {
    const options = readDemoOptions(
      [
        '--port=3300',
        '--livekit-port',
        '7990',
        '--no-simulate',
        '--cloud',
        '--remote-unmute',
        '--rebuild',
      ],
      {},
    );
    expect(options).toMatchObject({
      port: 3300,
      livekitPort: 7990,
      simulate: false,
      cloud: true,
      remoteUnmute: true,
      rebuild: true,
    });
  });

  it('refuses a bad port or an unknown flag in one line naming it', () => {
    expect(() => readDemoOptions(['--port', 'abc'], {})).toThrow(
      new UsageError('--port must be a port number from 1 to 65535 (got "abc")'),
    );
    expect(() => readDemoOptions(['--livekit-port', '70000'], {})).toThrow(/--livekit-port/);
    expect(() => readDemoOptions(['--clod'], {})).toThrow(UsageError);
  });

  it('documents every flag in --help', () => {
    for (const flag of [
      '--port N',
      '--livekit-port N',
      '--no-simulate',
      '--cloud',
      '--remote-unmute',
      '--rebuild',
      '--help',
    ]) {
      expect(USAGE).toContain(flag);
    }
  });
});
