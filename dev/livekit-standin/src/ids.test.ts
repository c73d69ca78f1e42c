import { TrackSource, TrackType } from '@livekit/protocol';
import { describe, expect, it } from 'vitest';
import { newId, newTrackSid } from './ids';

const BASE57 = '[2-9A-HJ-NP-Za-km-z]';

describe('ids', () => {
  it('uses prefix + 12 base57 characters', () => {
    expect(newId('RM_')).toMatch(new RegExp(`^RM_${BASE57}{12}$`));
  });

  it('adds type and source letters to track sids', () => {
    expect(newTrackSid(TrackType.AUDIO, TrackSource.MICROPHONE)).toMatch(/^TR_AM/);
    expect(newTrackSid(TrackType.VIDEO, TrackSource.SCREEN_SHARE)).toMatch(/^TR_VS/);
  });
});
