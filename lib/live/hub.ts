import 'server-only';

import { createMemoryBus, type LiveBus } from './bus';
import { liveEnv } from './live-env';
import { processSingleton } from './process-singleton';
import { connectRedisBus } from './redis-bus';

/** The process's live bus: Redis pub/sub when REDIS_URL is set, in-process otherwise. */
export function liveBus(): LiveBus {
  return processSingleton('live.bus', () => {
    const { REDIS_URL } = liveEnv();
    return REDIS_URL ? connectRedisBus(REDIS_URL) : createMemoryBus();
  });
}
