// Random but plausible values for seeded sessions, from a deterministic PRNG so that a
// seed of the same size always has the same shape.

export function mulberry32(a) {
  let s = a >>> 0;
  return () => {
    s = (s + 0x6D2B79F5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Private networks (RFC 1918), the documentation ranges (RFC 5737, RFC 3849) standing in for
// public addresses: nothing that could belong to someone real. Weights roughly like an office
// behind a few NATs plus people at home.
const RANGES = [
  [35, (r) => `10.${int(r, 256)}.${int(r, 256)}.${1 + int(r, 254)}`],
  [15, (r) => `192.168.${int(r, 256)}.${1 + int(r, 254)}`],
  [10, (r) => `172.${16 + int(r, 16)}.${int(r, 256)}.${1 + int(r, 254)}`],
  [10, (r) => `192.0.2.${1 + int(r, 254)}`],
  [10, (r) => `198.51.100.${1 + int(r, 254)}`],
  [10, (r) => `203.0.113.${1 + int(r, 254)}`],
  [10, (r) => `2001:db8:${hex(r)}:${hex(r)}::${hex(r)}`],
];
const POOL_SIZE = 4096;

function int(rand, n) {
  return Math.floor(rand() * n);
}

function hex(rand) {
  return (1 + int(rand, 0xfffe)).toString(16);
}

// One shared string per address: 100,000 seeded sessions point into this pool instead of
// holding 100,000 strings.
let pool;
function addressPool() {
  if (pool) return pool;
  const rand = mulberry32(0x51C0FF);
  const total = RANGES.reduce((n, [w]) => n + w, 0);
  const seen = new Set();
  while (seen.size < POOL_SIZE) {
    let pick = int(rand, total);
    const [, make] = RANGES.find(([w]) => {
      pick -= w;
      return pick < 0;
    });
    seen.add(make(rand));
  }
  pool = [...seen];
  return pool;
}

export function seededAddress(rand) {
  const p = addressPool();
  return p[int(rand, p.length)];
}
