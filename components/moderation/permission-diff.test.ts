import { describe, expect, it } from 'vitest';

import { TOKEN_DEFAULT_PERMISSION } from '@/lib/contracts/participant-permission';

import {
  AUDIENCE_PRESET,
  permissionPatch,
  revokesPublishing,
  SPEAKER_PRESET,
} from './permission-diff';

const current = TOKEN_DEFAULT_PERMISSION;

describe('permissionPatch', () => {
  it('keeps only the fields that differ', () => {
    const next = { ...current, hidden: true, canManageAgentSession: true, canSubscribe: true };

    expect(permissionPatch(current, next)).toEqual({ hidden: true, canManageAgentSession: true });
  });

  it('treats the same sources in another order as unchanged', () => {
    const both = { ...current, canPublishSources: ['MICROPHONE' as const, 'CAMERA' as const] };

    expect(permissionPatch(both, { canPublishSources: ['CAMERA', 'MICROPHONE'] })).toEqual({});
  });

  it('turns a preset into the fields it changes', () => {
    expect(permissionPatch(current, SPEAKER_PRESET)).toEqual({
      canPublishSources: ['MICROPHONE', 'CAMERA'],
    });
    expect(permissionPatch(current, AUDIENCE_PRESET)).toEqual({ canPublish: false });
  });
});

describe('revokesPublishing', () => {
  it('is true when publishing is switched off', () => {
    expect(revokesPublishing(current, { canPublish: false })).toBe(true);
  });

  it('is true when "every source" narrows to some', () => {
    expect(revokesPublishing(current, { canPublishSources: ['MICROPHONE'] })).toBe(true);
  });

  it('is false when sources only widen', () => {
    const narrow = { ...current, canPublishSources: ['MICROPHONE' as const] };

    expect(revokesPublishing(narrow, { canPublishSources: ['MICROPHONE', 'CAMERA'] })).toBe(false);
    expect(revokesPublishing(narrow, { canPublishSources: [] })).toBe(false);
  });
});
