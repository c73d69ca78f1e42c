import { describe, expect, it } from 'vitest';

import { strictTransportSecurity } from './transport-security';

const HSTS = 'max-age=31536000';
const proto = (value: string) => new Headers({ 'x-forwarded-proto': value });

describe('Strict-Transport-Security', () => {
  it('is sent when the public address is https', () => {
    const config = { publicUrl: 'https://moderato.example.com', behindTrustedProxy: false };
    expect(strictTransportSecurity(new Headers(), config)).toBe(HSTS);
  });

  it('believes X-Forwarded-Proto only behind a declared proxy', () => {
    const direct = { publicUrl: 'http://127.0.0.1:3000', behindTrustedProxy: false };
    expect(strictTransportSecurity(proto('https'), direct)).toBeNull();
    const proxied = { publicUrl: 'http://127.0.0.1:3000', behindTrustedProxy: true };
    expect(strictTransportSecurity(proto('https'), proxied)).toBe(HSTS);
    expect(strictTransportSecurity(proto('https, http'), proxied)).toBe(HSTS);
    expect(strictTransportSecurity(proto('http'), proxied)).toBeNull();
    expect(strictTransportSecurity(new Headers(), proxied)).toBeNull();
  });
});
