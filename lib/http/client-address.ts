// The client's address, for usage counting and sign-in throttling. scripts/server.ts puts the
// socket's peer in a header of its own (replacing any copy a client sent); X-Forwarded-For is
// believed only while the address it came through is a trusted proxy (TRUSTED_PROXIES).
import net from "node:net";
import { env } from "../env";

/** Set by scripts/server.ts from the socket; any copy arriving from outside is replaced. */
export const REMOTE_ADDRESS_HEADER = "x-atrium-remote-address";

type Cidr = { family: 4 | 6; bits: Buffer; prefix: number };

function toBytes(ip: string): Buffer | null {
  const family = net.isIP(ip);
  if (family === 4) return Buffer.from(ip.split(".").map(Number));
  if (family === 6) {
    const [head, tail = ""] = ip.split("::");
    const h = head ? head.split(":") : [];
    const t = tail ? tail.split(":") : [];
    const last = (t.length ? t : h).at(-1) ?? "";
    if (last.includes(".")) return null; // embedded IPv4 forms are handled as IPv4 by the caller
    const groups = ip.includes("::") ? [...h, ...Array(8 - h.length - t.length).fill("0"), ...t] : h;
    const b = Buffer.alloc(16);
    groups.forEach((g, i) => b.writeUInt16BE(parseInt(g || "0", 16), i * 2));
    return b;
  }
  return null;
}

function normalise(ip: string): string {
  const s = ip.trim().replace(/^\[|\]$/g, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(s);
  return mapped ? mapped[1] : s;
}

/** Parses "10.0.0.0/8, 127.0.0.1, ::1"; throws on an entry that is not an address or CIDR. */
export function parseTrustedProxies(list: string): Cidr[] {
  return list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [address, prefixText] = entry.split("/");
      const ip = normalise(address);
      const bits = toBytes(ip);
      if (!bits) throw new Error(`not an IP address or CIDR range: ${entry}`);
      const family = bits.length === 4 ? 4 : 6;
      const prefix = prefixText === undefined ? bits.length * 8 : Number(prefixText);
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits.length * 8) throw new Error(`bad prefix length: ${entry}`);
      return { family, bits, prefix };
    });
}

function inRange(ip: string, cidr: Cidr): boolean {
  const bytes = toBytes(ip);
  if (!bytes || bytes.length !== cidr.bits.length) return false;
  let left = cidr.prefix;
  for (let i = 0; i < bytes.length && left > 0; i++, left -= 8) {
    const mask = left >= 8 ? 0xff : (0xff << (8 - left)) & 0xff;
    if ((bytes[i] & mask) !== (cidr.bits[i] & mask)) return false;
  }
  return true;
}

/**
 * The client's address: the socket's peer, or — while that peer is a trusted proxy — the next
 * address leftwards in X-Forwarded-For. Addresses a client wrote itself are never believed.
 */
export function clientAddress(headers: Headers, trusted: Cidr[]): string | null {
  const peer = headers.get(REMOTE_ADDRESS_HEADER);
  if (!peer) return null;
  let address = normalise(peer);
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => normalise(s))
    .filter(Boolean);
  while (trusted.some((c) => inRange(address, c)) && forwarded.length) {
    const next = forwarded.pop()!;
    if (!net.isIP(next)) break;
    address = next;
  }
  return address;
}

const holder = globalThis as unknown as { __atriumTrustedProxies?: Cidr[] };

/** clientAddress with the configured TRUSTED_PROXIES. */
export function requestClientAddress(headers: Headers): string | null {
  holder.__atriumTrustedProxies ??= parseTrustedProxies(env().TRUSTED_PROXIES);
  return clientAddress(headers, holder.__atriumTrustedProxies);
}
