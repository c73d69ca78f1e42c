import { describe, expect, it } from 'vitest';

import { isPlainActionArguments } from './action-arguments';

describe('server-action arguments', () => {
  it('accepts what React sends for plain data', () => {
    expect(isPlainActionArguments('["muteTrack",{"roomName":"a","muted":true}]')).toBe(true);
    expect(
      isPlainActionArguments('["createRoom",{"metadata":"$$price","note":"$undefined"}]'),
    ).toBe(true);
    expect(isPlainActionArguments('["x",["$NaN","$Infinity","$-Infinity","$-0",null,1.5]]')).toBe(
      true,
    );
  });

  it('refuses references, promises, temporary references and other non-plain markers', () => {
    for (const marker of [
      '$T',
      '$@0',
      '$K1',
      '$Q0',
      '$W0',
      '$1',
      '$h0',
      '$F0',
      '$nabc',
      '$D',
      '$',
    ]) {
      expect(
        isPlainActionArguments(JSON.stringify(['getRoom', { roomName: marker }])),
        marker,
      ).toBe(false);
      expect(isPlainActionArguments(JSON.stringify([marker, {}])), marker).toBe(false);
    }
  });

  it('refuses bodies that are not a JSON array, and nesting past 32 levels', () => {
    expect(isPlainActionArguments('{')).toBe(false);
    expect(isPlainActionArguments('{}')).toBe(false);
    expect(isPlainActionArguments('"x"')).toBe(false);
    expect(isPlainActionArguments(`${'['.repeat(32)}${']'.repeat(32)}`)).toBe(true);
    expect(isPlainActionArguments(`${'['.repeat(33)}${']'.repeat(33)}`)).toBe(false);
    expect(isPlainActionArguments(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBe(false);
  });
});
