import { describe, expect, it } from 'vitest';

import {
  createEmbedPortalFormSchema,
  createEmbedPortalInputSchema,
  originProblem,
} from './embed-portals';

describe('an allowed origin', () => {
  it('is exactly scheme://host[:port], https or loopback http', () => {
    for (const origin of [
      'https://portal.example.com',
      'https://portal.example.com:8443',
      'https://xn--bcher-kva.example',
      'https://203.0.113.7',
      'http://localhost:3000',
      'http://127.0.0.1:8080',
      'http://[::1]:5173',
      'http://localhost',
    ]) {
      expect(originProblem(origin), origin).toBeNull();
    }
  });

  it('is refused, with the reason, when it is anything else', () => {
    expect(originProblem('https://portal.example.com/')).toBe(
      'must be exactly an origin, with no path, query or trailing slash: https://portal.example.com',
    );
    expect(originProblem('https://portal.example.com/embed?x=1')).toMatch(/no path, query/);
    expect(originProblem('https://Portal.Example.com')).toMatch(/: https:\/\/portal.example.com$/);
    expect(originProblem('https://portal.example.com:443')).toMatch(/portal.example.com$/);
    expect(originProblem('https://ann@portal.example.com')).toMatch(/exactly an origin/);
    expect(originProblem('https://bücher.example')).toMatch(/xn--bcher-kva.example$/);
    expect(originProblem('https://*.example.com')).toBe(
      'cannot contain wildcards: list each origin',
    );
    expect(originProblem('*')).toMatch(/wildcards/);
    expect(originProblem('http://portal.example.com')).toBe(
      'must use https (http only for localhost, 127.0.0.1 or [::1])',
    );
    expect(originProblem('http://192.168.1.10')).toMatch(/must use https/);
    expect(originProblem('ftp://portal.example.com')).toMatch(/must use https/);
    expect(originProblem('portal.example.com')).toMatch(/is not an origin/);
    expect(originProblem('null')).toMatch(/is not an origin/);
  });
});

describe('createEmbedPortal input', () => {
  const parse = (input: Record<string, unknown>) => createEmbedPortalInputSchema.safeParse(input);

  it('trims the name and origins, drops repeated origins, and defaults to moderator', () => {
    const result = parse({
      name: '  Acme portal ',
      allowedOrigins: [' https://a.example ', 'https://a.example', 'http://localhost:3000'],
    });
    expect(result.success && result.data).toEqual({
      name: 'Acme portal',
      allowedOrigins: ['https://a.example', 'http://localhost:3000'],
      maxRole: 'moderator',
    });
  });

  it('needs 1 to 10 origins and refuses admin, names over 64 and control characters', () => {
    const origins = (n: number) => Array.from({ length: n }, (_, i) => `https://s${i}.example`);
    expect(parse({ name: 'p', allowedOrigins: [] }).success).toBe(false);
    expect(parse({ name: 'p', allowedOrigins: origins(10) }).success).toBe(true);
    expect(parse({ name: 'p', allowedOrigins: origins(11) }).success).toBe(false);
    expect(parse({ name: 'p', allowedOrigins: origins(1), maxRole: 'admin' }).success).toBe(false);
    expect(parse({ name: 'x'.repeat(64), allowedOrigins: origins(1) }).success).toBe(true);
    expect(parse({ name: 'x'.repeat(65), allowedOrigins: origins(1) }).success).toBe(false);
    expect(parse({ name: 'a\nb', allowedOrigins: origins(1) }).success).toBe(false);
    expect(parse({ name: '   ', allowedOrigins: origins(1) }).success).toBe(false);
  });
});

describe('the New portal form', () => {
  const form = (allowedOrigins: string) =>
    createEmbedPortalFormSchema.safeParse({
      name: 'p',
      allowedOrigins,
      tenant: ' ',
      maxRole: 'viewer',
    });

  it('reads one origin per line, skipping blank lines and spaces', () => {
    const result = form('https://a.example\n\n  http://localhost:3000  \n');
    expect(result.success && result.data).toEqual({
      name: 'p',
      allowedOrigins: ['https://a.example', 'http://localhost:3000'],
      tenant: null,
      maxRole: 'viewer',
    });
  });

  it('names the line that is not an origin', () => {
    const result = form('https://a.example\nhttps://b.example/embed');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'allowedOrigins',
        '“https://b.example/embed” must be exactly an origin, with no path, query or trailing slash: https://b.example',
      ],
    ]);
    expect(form('\n ').error?.issues[0]?.message).toBe('Add at least one origin');
  });
});
