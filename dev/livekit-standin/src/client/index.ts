/*
 * `@moderato/livekit-standin/client`: the typed control-API client. It loads no server code, so
 * Playwright specs and benchmarks can use it against a stand-in running in another process.
 */
export { StandinControl, type StandinControlOptions } from './control-client';
export { StandinControlError } from './control-error';
export type * from '../control-types';
