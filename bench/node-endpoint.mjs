// The comparison endpoint for the benchmark: node:http + npm jose doing the same checks as
// `signoffctl mock-rp` (method, media type, one logout_token, signature with the configured
// algorithm, iss, aud, iat/exp with 60 s skew, jti replay cache, events, sub/sid, nonce, typ).
// Usage: node node-endpoint.mjs PORT JWKS_FILE ALG ISSUER CLIENT_ID
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const { createLocalJWKSet, jwtVerify } = await import(
  pathToFileURL(path.join(here, '../tests/fixtures/node/node_modules/jose/dist/webapi/index.js')).href);

const [port, jwksFile, alg, issuer, clientId] = process.argv.slice(2);
const keys = createLocalJWKSet(JSON.parse(readFileSync(jwksFile, 'utf8')));
const BCL = 'http://schemas.openid.net/event/backchannel-logout';
const seen = new Map(); // jti -> expiry (s)
const skew = 60;

function answer(res, status, description) {
  res.setHeader('Cache-Control', 'no-store');
  if (status === 200) { res.statusCode = 200; res.end(); return; }
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json');
  res.end(JSON.stringify({ error: 'invalid_request', error_description: description }));
}

async function validate(token) {
  const { payload, protectedHeader } = await jwtVerify(token, keys, {
    issuer, audience: clientId, algorithms: [alg], clockTolerance: skew, requiredClaims: ['iat', 'exp', 'jti'],
  });
  const now = Math.floor(Date.now() / 1000);
  if (payload.iat > now + skew) throw new Error('iat in the future');
  if (protectedHeader.typ !== undefined && !/^(application\/)?(logout\+jwt|jwt)$/i.test(protectedHeader.typ)) throw new Error('typ');
  const ev = payload.events;
  if (!ev || typeof ev !== 'object' || Array.isArray(ev) || !ev[BCL] || typeof ev[BCL] !== 'object' || Array.isArray(ev[BCL])) throw new Error('events');
  if (typeof payload.sub !== 'string' && typeof payload.sid !== 'string') throw new Error('sub/sid');
  if ('nonce' in payload) throw new Error('nonce');
  if (typeof payload.jti !== 'string') throw new Error('jti');
  if (seen.size > 100000) for (const [k, exp] of seen) { if (exp < now) seen.delete(k); }
  if (seen.has(payload.jti)) throw new Error('replay');
  seen.set(payload.jti, payload.exp + skew);
}

http.createServer((req, res) => {
  if (req.method !== 'POST') { answer(res, 405, 'POST only'); return; }
  if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '')) { answer(res, 415, 'media type'); return; }
  const chunks = [];
  let size = 0;
  req.on('data', (c) => { size += c.length; if (size <= 65536) chunks.push(c); });
  req.on('end', () => {
    if (size > 65536) { answer(res, 413, 'too large'); return; }
    const tokens = new URLSearchParams(Buffer.concat(chunks).toString('utf8')).getAll('logout_token');
    if (tokens.length !== 1 || !tokens[0]) { answer(res, 400, 'logout_token'); return; }
    validate(tokens[0]).then(() => answer(res, 200), (err) => answer(res, 400, String(err.message)));
  });
}).listen(Number(port), '127.0.0.1', () => process.stdout.write(`listening ${port}\n`));
