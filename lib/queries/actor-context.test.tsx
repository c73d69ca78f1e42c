// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';

import type { Permission } from '@/lib/contracts/permissions';

import { ActorProvider, useActorSummary, useCan, useCanAny } from './actor-context';

function Probe({ permission }: { permission: Permission }) {
  const { name } = useActorSummary();
  const can = useCan(permission);
  const canAny = useCanAny(['audit.read', permission]);

  return <p>{`${name}: ${can ? 'can' : 'cannot'} ${permission}; any ${canAny}`}</p>;
}

const renderAs = (permissions: Permission[], permission: Permission) =>
  render(
    <ActorProvider permissions={permissions} name="Ann" role="moderator" tenant={null}>
      <Probe permission={permission} />
    </ActorProvider>,
  );

describe('useCan', () => {
  afterEach(cleanup);

  it('answers from the permissions the server sent, not from the role', () => {
    renderAs(['rooms.read', 'tracks.mute'], 'tracks.mute');
    expect(screen.getByText('Ann: can tracks.mute; any true')).toBeTruthy();
  });

  it('denies what was not granted, whatever the role would allow', () => {
    renderAs(['rooms.read'], 'participants.remove');
    expect(screen.getByText('Ann: cannot participants.remove; any false')).toBeTruthy();
  });

  it('needs a provider', () => {
    expect(() => render(<Probe permission="rooms.read" />)).toThrow(/ActorProvider/);
  });
});
