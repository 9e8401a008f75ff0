// IP address → ISO 3166-1 alpha-2 country, offline, from the "geo-whois-asn-country" tables of
// the @ip-location-db/geo-whois-asn-country npm package (data CC BY 4.0 by the Number Resource
// Organization, nro.net). Loaded on first use (about 0.3 s) into sorted typed arrays and searched by
// bisection; IPv6 ranges are compared on their first 64 bits, the finest grain registries assign.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

const PACKAGE_DIR = ["node_modules", "@ip-location-db", "geo-whois-asn-country"];

type Table<T extends Uint32Array | BigUint64Array> = { starts: T; ends: T; codes: Uint16Array };

let v4: Table<Uint32Array> | null | undefined;
let v6: Table<BigUint64Array> | null | undefined;

function readTable(file: string): string[] | null {
  try {
    return fs.readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), ...PACKAGE_DIR, file), "utf8").split("\n");
  } catch {
    console.error(`[stats] country table ${file} not found: countries will be unknown`);
    return null;
  }
}

const code = (s: string) => (s.charCodeAt(0) << 8) | s.charCodeAt(1);
const decode = (c: number) => String.fromCharCode(c >> 8, c & 0xff);

function loadV4(): Table<Uint32Array> | null {
  const lines = readTable("geo-whois-asn-country-ipv4-num.csv");
  if (!lines) return null;
  const starts = new Uint32Array(lines.length);
  const ends = new Uint32Array(lines.length);
  const codes = new Uint16Array(lines.length);
  let n = 0;
  for (const line of lines) {
    const [a, b, c] = line.split(",");
    if (!c || c.length < 2) continue;
    starts[n] = Number(a);
    ends[n] = Number(b);
    codes[n++] = code(c);
  }
  return { starts: starts.subarray(0, n), ends: ends.subarray(0, n), codes: codes.subarray(0, n) };
}

function loadV6(): Table<BigUint64Array> | null {
  const lines = readTable("geo-whois-asn-country-ipv6-num.csv");
  if (!lines) return null;
  const starts = new BigUint64Array(lines.length);
  const ends = new BigUint64Array(lines.length);
  const codes = new Uint16Array(lines.length);
  let n = 0;
  for (const line of lines) {
    const [a, b, c] = line.split(",");
    if (!c || c.length < 2) continue;
    starts[n] = BigInt(a) >> 64n;
    ends[n] = BigInt(b) >> 64n;
    codes[n++] = code(c);
  }
  return { starts: starts.subarray(0, n), ends: ends.subarray(0, n), codes: codes.subarray(0, n) };
}

function search<T extends number | bigint>(starts: ArrayLike<T>, ends: ArrayLike<T>, key: T): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] > key) hi = mid - 1;
    else if (ends[mid] < key) lo = mid + 1;
    else return mid;
  }
  return -1;
}

function ipv4ToNumber(ip: string): number {
  return ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}

/** The first 64 bits of an IPv6 address. */
function ipv6High(ip: string): bigint {
  const [head, tail = ""] = ip.split("::");
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = ip.includes("::") ? [...h, ...Array(8 - h.length - t.length).fill("0"), ...t] : h;
  return groups.slice(0, 4).reduce((n, g) => (n << 16n) | BigInt(parseInt(g || "0", 16)), 0n);
}

/** The country of an address, or null when unknown (private ranges, bad input, no table). */
export function countryOf(ip: string | null | undefined): string | null {
  if (!ip) return null;
  let address = ip.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1];
  const family = net.isIP(address);
  if (family === 4) {
    v4 ??= loadV4();
    if (!v4) return null;
    const i = search(v4.starts, v4.ends, ipv4ToNumber(address));
    return i < 0 ? null : decode(v4.codes[i]);
  }
  if (family === 6) {
    v6 ??= loadV6();
    if (!v6) return null;
    const i = search(v6.starts, v6.ends, ipv6High(address));
    return i < 0 ? null : decode(v6.codes[i]);
  }
  return null;
}
