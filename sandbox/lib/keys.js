// Persistent secrets in the data folder: signing keys (JWKS with private parts), cookie
// keys and the admin client's secret. Every file is written 0600 inside a 0700 folder,
// atomically (temp file + rename), and reused on later starts. A folder or file found with
// looser modes (made by an older version, by hand, or by the program that redirects our
// output into sandbox.log before we run) is tightened at every start.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';

export const JWKS_FILE = 'jwks.json';
export const ADMIN_SECRET_FILE = 'admin-secret';
export const COOKIE_KEYS_FILE = 'cookie-keys.json';
export const PID_FILE = 'sandbox.pid';
// Not written by this process itself: Signoff points our stdout/stderr at it.
export const LOG_FILE = 'sandbox.log';
const DATA_FILES = [JWKS_FILE, COOKIE_KEYS_FILE, ADMIN_SECRET_FILE, PID_FILE, LOG_FILE];

// $XDG_DATA_HOME/Signoff/sandbox, else ~/.local/share/Signoff/sandbox
export function defaultDataDir(env = process.env) {
  const base = env.XDG_DATA_HOME && path.isAbsolute(env.XDG_DATA_HOME)
    ? env.XDG_DATA_HOME
    : path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'Signoff', 'sandbox');
}

// Only group/other bits count as too loose; symlinks and other non-regular files are left
// alone (chmod would act on whatever they point at).
function tighten(p, mode, { followLinks = false } = {}) {
  let st;
  try {
    st = followLinks ? fs.statSync(p) : fs.lstatSync(p);
  } catch (err) {
    if (err.code === 'ENOENT') return;
    throw err;
  }
  if (!(st.isFile() || st.isDirectory()) || (st.mode & 0o077) === 0) return;
  try {
    fs.chmodSync(p, mode);
  } catch (err) {
    throw new Error(`cannot make ${p} private (mode 0${(st.mode & 0o777).toString(8)}): ${err.message}`);
  }
}

export function ensureDataDir(dir) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  // --data may name a symlink to the folder the user chose: that folder is the one to protect.
  tighten(dir, 0o700, { followLinks: true });
  for (const name of DATA_FILES) tighten(path.join(dir, name), 0o600);
}

export function writePrivate(file, content) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, content, { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

function readPrivate(file) {
  try {
    const content = fs.readFileSync(file, 'utf8');
    // Tighten permissions if someone loosened them.
    if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
    return content;
  } catch (err) {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  }
}

async function makeSigningKey(alg) {
  const { privateKey } = await generateKeyPair(alg, { extractable: true, modulusLength: 2048 });
  const jwk = await exportJWK(privateKey);
  jwk.kid = await calculateJwkThumbprint(jwk);
  jwk.alg = alg;
  jwk.use = 'sig';
  return jwk;
}

// Returns { keys: [...] } with one RS256 and one ES256 private JWK.
export async function loadOrCreateJwks(dir, log = () => {}) {
  const file = path.join(dir, JWKS_FILE);
  const existing = readPrivate(file);
  if (existing !== undefined) {
    const jwks = JSON.parse(existing);
    if (!Array.isArray(jwks.keys) || !jwks.keys.some((k) => k.alg === 'RS256') || !jwks.keys.some((k) => k.alg === 'ES256')) {
      throw new Error(`${file} is not a JWKS holding RS256 and ES256 keys; move it away to generate new keys`);
    }
    return jwks;
  }
  const jwks = { keys: [await makeSigningKey('RS256'), await makeSigningKey('ES256')] };
  writePrivate(file, `${JSON.stringify(jwks, null, 2)}\n`);
  log(`generated signing keys (RS256, ES256) in ${file}`);
  return jwks;
}

export function loadOrCreateCookieKeys(dir) {
  const file = path.join(dir, COOKIE_KEYS_FILE);
  const existing = readPrivate(file);
  if (existing !== undefined) return JSON.parse(existing);
  const keys = [randomBytes(32).toString('base64url')];
  writePrivate(file, `${JSON.stringify(keys)}\n`);
  return keys;
}

// The env override wins (and is not written to disk); otherwise the file, created once.
export function loadOrCreateAdminSecret(dir, envValue) {
  if (typeof envValue === 'string' && envValue.length > 0) return { secret: envValue, source: 'env SIGNOFF_SANDBOX_ADMIN_SECRET' };
  const file = path.join(dir, ADMIN_SECRET_FILE);
  const existing = readPrivate(file);
  if (existing !== undefined && existing.trim()) return { secret: existing.trim(), source: file };
  const secret = randomBytes(24).toString('base64url');
  writePrivate(file, `${secret}\n`);
  return { secret, source: file };
}
