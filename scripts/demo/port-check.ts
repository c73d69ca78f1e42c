import { createServer } from 'node:net';

/**
 * Whether `host:port` can be listened on right now. Asked before anything starts, so a busy port
 * is one line naming the flag to change instead of a server's EADDRINUSE stack trace. A port
 * taken in the instant between this check and the real listen still fails loudly, as it should.
 */
export function portIsFree(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve(true)));
  });
}
