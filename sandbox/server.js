#!/usr/bin/env node
// Signoff sandbox IdP. `node sandbox/server.js --help` for the options.
// stdout carries exactly one line, `SANDBOX READY http://127.0.0.1:<port>`, once the
// server listens (Signoff waits for it); everything else goes to stderr.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

// The provider prints notices with console.info (stdout): keep stdout for the READY line.
console.log = console.error;
console.info = console.error;

const USAGE = `usage: node server.js [options]
  --port N                 listen port on 127.0.0.1 (env SIGNOFF_SANDBOX_PORT, default 9400; 0 = any free port)
  --data DIR               data folder (env SIGNOFF_SANDBOX_DATA, default $XDG_DATA_HOME/Signoff/sandbox
                           or ~/.local/share/Signoff/sandbox): signing keys, admin secret, pid file
  --mock-rp-url URL        back-channel URI of client signoff-mock-rp (env SIGNOFF_SANDBOX_MOCK_RP_URL,
                           default http://127.0.0.1:9401/backchannel-logout)
  --concurrency N          default max parallel back-channel deliveries per logout run (env SIGNOFF_SANDBOX_CONCURRENCY, 32)
  --event-buffer N         events kept for /admin/events replay (env SIGNOFF_SANDBOX_EVENT_BUFFER, 1000000)
  --seed-users N           create N seeded users (user-000001.., password = username) before READY
  --seed-sessions M        create M sessions spread over the seeded users and the demo RPs before READY
  --print-admin-secret     print the admin client's secret (creating it if needed) and exit
  --quiet                  log only warnings and errors
  -h, --help               this text
env SIGNOFF_SANDBOX_ADMIN_SECRET sets the admin secret instead of <data>/admin-secret.`;

function fail(msg, code = 2) {
  process.stderr.write(`signoff-sandbox: ${msg}\n`);
  process.exit(code);
}

let args;
try {
  ({ values: args } = parseArgs({
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      'mock-rp-url': { type: 'string' },
      concurrency: { type: 'string' },
      'event-buffer': { type: 'string' },
      'seed-users': { type: 'string' },
      'seed-sessions': { type: 'string' },
      'print-admin-secret': { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (err) {
  fail(`${err.message}\n${USAGE}`);
}
if (args.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

function intOption(name, value, { min, max }) {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) fail(`${name} must be an integer ${min}..${max}, got ${JSON.stringify(value)}`);
  return Number(value);
}

const env = process.env;
const port = intOption('--port', args.port ?? env.SIGNOFF_SANDBOX_PORT, { min: 0, max: 65535 }) ?? 9400;
const concurrency = intOption('--concurrency', args.concurrency ?? env.SIGNOFF_SANDBOX_CONCURRENCY, { min: 1, max: 256 });
const eventBuffer = intOption('--event-buffer', args['event-buffer'] ?? env.SIGNOFF_SANDBOX_EVENT_BUFFER, { min: 1000, max: 10_000_000 });
const seedUsers = intOption('--seed-users', args['seed-users'], { min: 0, max: 1_000_000 }) ?? 0;
const seedSessions = intOption('--seed-sessions', args['seed-sessions'], { min: 0, max: 1_000_000 }) ?? 0;

const {
  defaultDataDir, ensureDataDir, loadOrCreateAdminSecret, PID_FILE, writePrivate,
} = await import('./lib/keys.js');

const dataDir = path.resolve(args.data ?? env.SIGNOFF_SANDBOX_DATA ?? defaultDataDir());
const quiet = !!args.quiet;
const log = (msg) => {
  if (!quiet) process.stderr.write(`[sandbox ${new Date().toISOString()}] ${msg}\n`);
};

if (args['print-admin-secret']) {
  let secret;
  try {
    ensureDataDir(dataDir);
    ({ secret } = loadOrCreateAdminSecret(dataDir, env.SIGNOFF_SANDBOX_ADMIN_SECRET));
  } catch (err) {
    fail(err.message, 1);
  }
  process.stdout.write(`${secret}\n`);
  process.exit(0);
}

// Imported after the console redirection so the provider's load-time notices go to stderr.
const { createSandbox, DEFAULT_MOCK_RP_URL } = await import('./lib/app.js');
const mockRpUrl = args['mock-rp-url'] ?? env.SIGNOFF_SANDBOX_MOCK_RP_URL ?? DEFAULT_MOCK_RP_URL;

process.on('unhandledRejection', (reason) => {
  process.stderr.write(`[sandbox] unhandled rejection (ignored): ${reason?.stack ?? reason}\n`);
});
process.on('uncaughtException', (err) => {
  process.stderr.write(`[sandbox] uncaught exception (ignored): ${err?.stack ?? err}\n`);
});

let sb;
try {
  sb = await createSandbox({
    port,
    dataDir,
    mockRpUrl,
    adminSecret: env.SIGNOFF_SANDBOX_ADMIN_SECRET,
    concurrency,
    eventBuffer,
    log,
  });
} catch (err) {
  fail(err.code === 'EADDRINUSE' || !err.stack ? err.message : `cannot start: ${err.message}`, 1);
}

const pidFile = path.join(dataDir, PID_FILE);
// Atomic and 0600 even over a stale pid file with other modes (a plain write keeps them).
writePrivate(pidFile, `${process.pid}\n`);

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping`);
  const force = setTimeout(() => process.exit(0), 3000);
  force.unref();
  try {
    await sb.close();
  } finally {
    try {
      if (fs.readFileSync(pidFile, 'utf8').trim() === String(process.pid)) fs.unlinkSync(pidFile);
    } catch { /* already gone */ }
    process.exit(0);
  }
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGHUP', () => stop('SIGHUP'));

if (seedUsers || seedSessions) {
  // Seeding lets requests in now and then; until it is done /admin/health says "starting",
  // so nobody takes a half-seeded sandbox for the one that was asked for.
  sb.starting = true;
  await sb.seed({ users: seedUsers, sessions: seedSessions });
  sb.starting = false;
}

log(`issuer ${sb.issuer}; data ${dataDir}; admin secret from ${sb.adminSecretSource}; mock RP ${mockRpUrl}`);
process.stdout.write(`SANDBOX READY ${sb.issuer}\n`);
