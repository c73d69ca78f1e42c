'use client';

import type { SetJoinLinkTemplateInput } from '@/lib/schemas/tokens';

import { callOperation } from './call-operation';
import { useActionMutation } from './use-action-mutation';

export function useSetJoinLinkTemplate() {
  return useActionMutation({
    action: (input: SetJoinLinkTemplateInput) => callOperation('setJoinLinkTemplate', input),
    success: (_dto, { template }) =>
      template === '' ? 'Join link template reset.' : 'Join link template saved.',
    failure: () => 'Could not save the join link template',
  });
}
