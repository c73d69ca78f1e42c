/**
 * Where the control API lives on the stand-in's listener. Its own module so the typed client can
 * share it without loading the server.
 */
export const CONTROL_PREFIX = '/standin/v1/';
