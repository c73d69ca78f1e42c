// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';

import { EMBED_PROTOCOL, EMBED_PROTOCOL_VERSION, HOST_MESSAGES } from '@/lib/contracts/embed';

import { hostViewport } from './embed-protocol';

const HOST = 'https://portal.example';

function fromHost(fields: Record<string, unknown>, origin = HOST, source: unknown = window.parent) {
  return {
    origin,
    source: source as MessageEventSource,
    data: {
      protocol: EMBED_PROTOCOL,
      version: EMBED_PROTOCOL_VERSION,
      type: HOST_MESSAGES.viewport,
      ...fields,
    },
  };
}

describe('hostViewport', () => {
  it('answers the part of the frame the host shows', () => {
    expect(hostViewport(fromHost({ top: 1200, height: 700 }), HOST, 3000)).toEqual({
      top: 1200,
      height: 700,
    });
  });

  it('keeps the part inside the frame and tall enough for a dialog', () => {
    // Scrolled almost past the frame: 40 px of it on screen.
    expect(hostViewport(fromHost({ top: 2960, height: 40 }), HOST, 3000)).toEqual({
      top: 2760,
      height: 240,
    });
    // A frame shorter than the smallest part: all of it.
    expect(hostViewport(fromHost({ top: 0, height: 900 }), HOST, 200)).toEqual({
      top: 0,
      height: 200,
    });
  });

  it('ignores messages from anyone but the host, of another kind, or with bad numbers', () => {
    expect(
      hostViewport(fromHost({ top: 0, height: 500 }, 'https://evil.example'), HOST, 3000),
    ).toBe(null);
    expect(hostViewport(fromHost({ top: 0, height: 500 }, HOST, null), HOST, 3000)).toBe(null);
    expect(hostViewport(fromHost({ type: 'token', top: 0, height: 500 }), HOST, 3000)).toBe(null);
    expect(hostViewport(fromHost({ top: '0', height: 500 }), HOST, 3000)).toBe(null);
    expect(hostViewport(fromHost({ top: 0, height: Infinity }), HOST, 3000)).toBe(null);
    expect(hostViewport(fromHost({ top: 0, height: 500, version: 99 }), HOST, 3000)).toBe(null);
  });
});
