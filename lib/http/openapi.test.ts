import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';

import { ERROR_CODES } from '@/lib/contracts/errors';

import { buildOpenApiDocument } from './openapi';

type Doc = {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { schemas: Record<string, unknown> };
};

describe('the OpenAPI document', () => {
  const document = buildOpenApiDocument() as Doc;

  it('is valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('resolves every $ref it contains', () => {
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of new Set(refs)) {
      const pointer = ref.slice(8, -1).replace(/^#\//, '').split('/');
      let node: unknown = document;
      for (const key of pointer) node = (node as Record<string, unknown>)?.[key];
      expect(node, ref).toBeDefined();
    }
  });

  it('lists, for a write, its permission, body, success and every error it can answer', () => {
    const mute =
      document.paths['/rooms/{roomName}/participants/{identity}/tracks/{trackSid}']!.patch!;
    expect(mute['x-permission']).toBe('tracks.mute');
    expect(mute.requestBody).toMatchObject({
      content: {
        'application/json': {
          schema: { properties: { muted: { type: 'boolean' } }, required: ['muted'] },
        },
      },
    });
    const statuses = Object.keys(mute.responses as object);
    for (const code of [
      'invalid_input',
      'forbidden',
      'not_found',
      'failed_precondition',
    ] as const) {
      expect(statuses).toContain(String(ERROR_CODES[code].status));
    }
    expect(statuses).toContain('200');
    expect(mute.parameters).toEqual(
      ['roomName', 'identity', 'trackSid'].map((name) =>
        expect.objectContaining({ name, in: 'path', required: true }),
      ),
    );
  });

  it('takes query parameters for reads and answers 204 for writes with nothing to say', () => {
    const audit = document.paths['/audit']!.get!;
    expect(audit.requestBody).toBeUndefined();
    expect(audit.parameters).toContainEqual(
      expect.objectContaining({ name: 'limit', in: 'query' }),
    );
    const remove = document.paths['/rooms/{roomName}/participants/{identity}']!.delete!;
    expect(Object.keys(remove.responses as object)).toContain('204');
  });
});
