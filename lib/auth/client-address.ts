import 'server-only';

import { BlockList, isIP } from 'node:net';

import { PEER_ADDRESS_HEADER, peerAddressesRecorded } from './peer-address';

/** Who may speak for the client in `x-forwarded-for` (README: TRUSTED_PROXY_HOPS, TRUSTED_PROXIES). */
export interface TrustedProxyConfig {
  /** How many proxies always sit in front of Moderato (the peer counts as the first). */
  hops: number;
  /** Addresses / CIDR ranges of proxies whose `x-forwarded-for` entry is believed. */
  proxies: readonly string[];
}

/** Stands for "no address known": every such request shares one throttling bucket. */
export const UNKNOWN_CLIENT = 'unknown';

/** `1.2.3.4`, `1.2.3.4:80`, `[::1]:80`, `::ffff:1.2.3.4` → the bare address; anything else → null. */
export function normalizeAddress(raw: string): string | null {
  let text = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(text);
  if (bracketed) text = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(text)) text = text.slice(0, text.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(text);
  if (mapped) text = mapped[1]!;
  const family = isIP(text);
  if (family === 4) return text;
  if (family === 6) return text.toLowerCase();
  return null;
}

function addRange(list: BlockList, entry: string): boolean {
  const [base, bits, ...rest] = entry.trim().split('/');
  const address = base ? normalizeAddress(base) : null;
  if (!address || rest.length > 0) return false;
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  if (bits === undefined) {
    list.addAddress(address, family);
    return true;
  }
  const prefix = Number(bits);
  const max = family === 'ipv6' ? 128 : 32;
  if (!/^\d+$/.test(bits) || prefix > max) return false;
  list.addSubnet(address, prefix, family);
  return true;
}

/** True for an address or CIDR range TRUSTED_PROXIES accepts. */
export function isAddressOrRange(entry: string): boolean {
  return addRange(new BlockList(), entry);
}

const rangeCache = new Map<string, BlockList>();

function trustedRanges(proxies: readonly string[]): BlockList {
  const key = proxies.join(',');
  let list = rangeCache.get(key);
  if (!list) {
    list = new BlockList();
    for (const entry of proxies) addRange(list, entry);
    rangeCache.set(key, list);
  }
  return list;
}

function header(headers: Record<string, unknown>, name: string): string | undefined {
  const value = headers[name];
  if (Array.isArray(value)) return value.join(',');
  return typeof value === 'string' ? value : undefined;
}

/**
 * The address sign-in throttling keys a request by. The TCP peer, unless the peer is a trusted
 * proxy: then `x-forwarded-for` is walked from the right (each proxy appends the address it saw)
 * past every trusted hop, and the first untrusted entry is the client. Entries left of it are
 * whatever the client wrote and are never believed — spoofing them gains nothing.
 */
export function clientAddress(
  headers: Record<string, unknown>,
  config: TrustedProxyConfig,
): string {
  const peerText = peerAddressesRecorded() ? header(headers, PEER_ADDRESS_HEADER) : undefined;
  // Without the server hook (instrumentation.ts) the peer is unknowable; failing closed into one
  // shared bucket beats keying by a header any client can forge.
  const peer = (peerText && normalizeAddress(peerText)) || UNKNOWN_CLIENT;
  const forwarded = (header(headers, 'x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, peer];
  const ranges = trustedRanges(config.proxies);
  const trusted = (address: string) =>
    address !== UNKNOWN_CLIENT && ranges.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');

  let index = chain.length - 1;
  let hops = 0;
  while (index > 0 && (hops < config.hops || trusted(chain[index]!))) {
    const next = normalizeAddress(chain[index - 1]!);
    // A trusted proxy wrote garbage: stop at the proxy rather than key by a meaningless string.
    if (!next) break;
    chain[index - 1] = next;
    index -= 1;
    hops += 1;
  }
  return chain[index]!;
}

function expandIpv6(address: string): string[] {
  let text = address;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => group.padStart(4, '0'));
}

/**
 * The throttling identity of an address. An IPv6 client usually owns a whole /64, so it is keyed
 * by that prefix — otherwise rotating the low bits would give it endless fresh budgets.
 */
export function clientKey(address: string): string {
  if (isIP(address) !== 6) return address;
  return `${expandIpv6(address).slice(0, 4).join(':')}::/64`;
}
