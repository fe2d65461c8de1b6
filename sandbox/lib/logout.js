// Admin-initiated logout runs. For each session: for each client in its authorizations,
// send a back-channel logout with the provider's own sender (`client.backchannelLogout`)
// if the client registered a URI, otherwise record why not; then revoke the grants and
// destroy the session, as the provider's own end-session endpoint does. Outcomes go to
// the event log as they happen. A resend run only sends tokens again for given
// (client, sub, sid) items, recorded the same way.
import { randomBytes } from 'node:crypto';

import { classifyDelivery, deliveryContext } from './fetch.js';

class Semaphore {
  constructor(n) {
    this.n = n;
    this.queue = [];
  }

  async acquire() {
    if (this.n > 0) {
      this.n -= 1;
      return;
    }
    await new Promise((resolve) => { this.queue.push(resolve); });
  }

  release() {
    const next = this.queue.shift();
    if (next) next(); else this.n += 1;
  }
}

const KEEP_RUNS = 100;
const KEEP_TOKENS_UP_TO = 1000; // runs with at most this many deliveries keep the tokens sent

function tokenJti(token) {
  if (!token) return null;
  try {
    return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).jti ?? null;
  } catch {
    return null;
  }
}

const NOT_REGISTERED = 'client is not registered (any more)';
const NO_URI = 'no backchannel_logout_uri';

// Why a client with this info ({ uri } or null) is not notified; null when it is.
function skipReason(info) {
  if (!info) return NOT_REGISTERED;
  return info.uri ? null : NO_URI;
}

export async function revokeGrant(provider, grantId) {
  const models = ['AccessToken', 'RefreshToken', 'AuthorizationCode', 'DeviceCode', 'BackchannelAuthenticationRequest', 'PreAuthorizedCode'];
  await Promise.all([
    ...models.map(async (m) => {
      const model = provider[m];
      if (model?.revokeByGrantId) await model.revokeByGrantId(grantId);
    }),
    provider.Grant.adapter.destroy(grantId),
  ]);
}

export class LogoutRuns {
  constructor({
    provider, store, events, log, concurrency = 32,
  }) {
    this.provider = provider;
    this.store = store;
    this.events = events;
    this.log = log;
    this.defaultConcurrency = concurrency;
    this.runs = new Map();
    this.inflight = new Map(); // session uid -> run_id
    this.active = new Set();
  }

  // Which sessions a request selects. Returns { uids, notFound } or throws {status,...}.
  select(target) {
    const { store } = this;
    if (target.session !== undefined) return { uids: [target.session], scope: 'session' };
    if (target.user !== undefined) return { uids: store.sessionUids({ accountId: target.user }), scope: 'user' };
    if (target.client_id !== undefined) return { uids: store.sessionUids({ clientId: target.client_id }), scope: 'client' };
    return { uids: [...new Set(target.sessions)], scope: 'sessions' };
  }

  async clientInfo(cache, clientId) {
    if (!cache.has(clientId)) {
      const client = await this.provider.Client.find(clientId);
      cache.set(clientId, client ? { uri: client.backchannelLogoutUri ?? null, sessionRequired: !!client.backchannelLogoutSessionRequired } : null);
    }
    return cache.get(clientId);
  }

  // Builds the run and its expected-delivery list; processing starts on the next tick.
  async start({
    uids, scope, request, concurrency, includeExpected = true,
  }) {
    const id = `run_${Date.now().toString(36)}_${randomBytes(5).toString('hex')}`;
    const cache = new Map();
    const expected = [];
    const sessions = [];
    const notFound = [];
    const inProgress = [];
    for (const uid of uids) {
      const s = this.store.sessionByUid(uid);
      if (!s || s.payload.accountId === undefined) {
        notFound.push(uid);
        continue;
      }
      const other = this.inflight.get(uid);
      if (other) {
        inProgress.push({ session: uid, run_id: other });
        continue;
      }
      this.inflight.set(uid, id);
      sessions.push(uid);
      for (const [clientId, auth] of Object.entries(s.payload.authorizations ?? {})) {
        const info = await this.clientInfo(cache, clientId);
        const e = {
          session: uid,
          sub: s.payload.accountId,
          client_id: clientId,
          sid: auth.sid ?? null,
          backchannel_logout_uri: info?.uri ?? null,
          action: info?.uri ? 'deliver' : 'skip',
          reason: skipReason(info),
        };
        expected.push(e);
      }
    }

    const run = this.newRun({
      id, scope, request, concurrency, sessions: sessions.length, notFound, inProgress, expected,
    });
    this.log(`logout ${id}: ${sessions.length} session(s), ${expected.length} expected deliveries (scope ${scope})`);

    const byUid = new Map();
    for (const e of expected) {
      if (!byUid.has(e.session)) byUid.set(e.session, []);
      byUid.get(e.session).push(e);
    }
    this.track(run, this.process(run, sessions, byUid));
    return this.answer(run, expected, includeExpected);
  }

  // Sends logout tokens again for (client, sub, sid) items, sessions gone or not: nothing is
  // revoked or destroyed, only the tokens are sent, and recorded like any run's deliveries.
  async startResend({ items, concurrency }) {
    const id = `run_${Date.now().toString(36)}_${randomBytes(5).toString('hex')}`;
    const cache = new Map();
    const expected = [];
    for (const item of items) {
      const info = await this.clientInfo(cache, item.client_id);
      expected.push({
        session: item.session,
        sub: item.sub,
        client_id: item.client_id,
        sid: item.sid,
        backchannel_logout_uri: info?.uri ?? null,
        action: info?.uri ? 'deliver' : 'skip',
        reason: skipReason(info),
      });
    }
    const run = this.newRun({
      id, scope: 'resend', request: { deliveries: items.length }, concurrency, sessions: 0, notFound: [], inProgress: [], expected,
    });
    this.log(`resend ${id}: ${expected.length} deliveries`);
    this.track(run, this.processResend(run, expected));
    return this.answer(run, expected, true);
  }

  newRun({
    id, scope, request, concurrency, sessions, notFound, inProgress, expected,
  }) {
    const run = {
      run_id: id,
      status: 'running',
      scope,
      request,
      concurrency: concurrency ?? this.defaultConcurrency,
      created_at: new Date().toISOString(),
      finished_at: null,
      duration_ms: null,
      sessions,
      sessions_ended: 0,
      not_found: notFound,
      in_progress_elsewhere: inProgress,
      counts: {
        expected: expected.length,
        pending: expected.length,
        delivered: 0,
        failed: 0,
        timed_out: 0,
        skipped: 0,
      },
      events_cursor_start: this.events.latest,
      events_cursor_end: null,
      deliveries: [],
      keepTokens: expected.length <= KEEP_TOKENS_UP_TO,
      t0: performance.now(),
    };
    this.runs.set(id, run);
    this.prune();
    this.events.append('run.started', {
      run_id: id, scope, sessions, expected: expected.length, time: run.created_at,
    });
    return run;
  }

  track(run, work) {
    const p = work.catch((err) => {
      this.log(`run ${run.run_id} crashed: ${err.stack ?? err}`);
    });
    this.active.add(p);
    p.finally(() => this.active.delete(p));
  }

  answer(run, expected, includeExpected) {
    return {
      run_id: run.run_id,
      status: 'running',
      scope: run.scope,
      sessions: run.sessions,
      events_cursor: run.events_cursor_start,
      not_found: run.not_found,
      in_progress_elsewhere: run.in_progress_elsewhere,
      expected_count: expected.length,
      ...(includeExpected ? { expected } : {}),
    };
  }

  prune() {
    if (this.runs.size <= KEEP_RUNS) return;
    for (const [id, r] of this.runs) {
      if (this.runs.size <= KEEP_RUNS) break;
      if (r.status !== 'running') this.runs.delete(id);
    }
  }

  async process(run, uids, expectedByUid) {
    await new Promise((r) => { setImmediate(r); });
    const sem = new Semaphore(run.concurrency);
    let next = 0;
    const worker = async () => {
      while (next < uids.length) {
        const uid = uids[next];
        next += 1;
        try {
          await this.processSession(run, uid, expectedByUid.get(uid) ?? [], sem);
        } catch (err) {
          this.log(`logout ${run.run_id}: session ${uid}: ${err.stack ?? err}`);
        } finally {
          this.inflight.delete(uid);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(run.concurrency, uids.length) }, worker));
    this.finish(run);
  }

  async processResend(run, expected) {
    await new Promise((r) => { setImmediate(r); });
    const sem = new Semaphore(run.concurrency);
    let next = 0;
    const worker = async () => {
      while (next < expected.length) {
        const e = expected[next];
        next += 1;
        try {
          await this.deliver(run, {
            session: e.session, sub: e.sub, client_id: e.client_id, sid: e.sid,
          }, sem);
        } catch (err) {
          this.log(`resend ${run.run_id}: ${e.client_id}: ${err.stack ?? err}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(run.concurrency, expected.length) }, worker));
    this.finish(run);
  }

  finish(run) {
    run.status = 'finished';
    run.finished_at = new Date().toISOString();
    run.duration_ms = Math.round(performance.now() - run.t0);
    run.counts.pending = 0;
    run.events_cursor_end = this.events.append('run.finished', {
      run_id: run.run_id,
      sessions: run.sessions,
      sessions_ended: run.sessions_ended,
      counts: { ...run.counts },
      duration_ms: run.duration_ms,
      time: run.finished_at,
    });
    this.log(`logout ${run.run_id} finished in ${run.duration_ms} ms: ${JSON.stringify(run.counts)}`);
  }

  record(run, d) {
    run.counts[d.state] += 1;
    run.counts.pending = Math.max(0, run.counts.pending - 1);
    const event = {
      run_id: run.run_id,
      session: d.session,
      sub: d.sub,
      client_id: d.client_id,
      sid: d.sid,
      state: d.state,
      http_status: d.http_status,
      latency_ms: d.latency_ms,
      error: d.error,
      token_jti: d.token_jti ?? null,
      source: 'admin',
      time: new Date().toISOString(),
    };
    event.cursor = this.events.append('delivery', event);
    if (run.keepTokens) event.logout_token = d.logout_token ?? null;
    run.deliveries.push(event);
  }

  // One logout token through the provider's own sender, with the client as it is now
  // (its URI may have been changed or removed since the run started).
  async deliver(run, base, sem) {
    const client = await this.provider.Client.find(base.client_id);
    const reason = skipReason(client ? { uri: client.backchannelLogoutUri } : null);
    if (reason) {
      this.record(run, {
        ...base, state: 'skipped', http_status: null, latency_ms: null, error: reason,
      });
      return;
    }
    await sem.acquire();
    const rec = {};
    let outcome;
    try {
      await deliveryContext.run(rec, () => client.backchannelLogout(base.sub, base.sid));
      outcome = classifyDelivery(undefined, rec);
    } catch (err) {
      outcome = classifyDelivery(err, rec);
    } finally {
      sem.release();
    }
    this.record(run, {
      ...base, ...outcome, token_jti: tokenJti(rec.logoutToken), logout_token: rec.logoutToken,
    });
  }

  async processSession(run, uid, expected, sem) {
    const { provider } = this;
    const session = await provider.Session.findByUid(uid);
    if (!session) {
      for (const e of expected) {
        this.record(run, {
          ...e, state: 'skipped', http_status: null, latency_ms: null, error: 'session no longer exists (expired or logged out meanwhile)',
        });
      }
      return;
    }
    const { accountId } = session;
    const authorizations = session.authorizations ?? {};
    const clientIds = Object.keys(authorizations);
    // Deliveries that were expected but whose client left the session meanwhile.
    for (const e of expected) {
      if (!clientIds.includes(e.client_id)) {
        this.record(run, {
          ...e, state: 'skipped', http_status: null, latency_ms: null, error: 'client no longer part of the session',
        });
      }
    }

    await Promise.all(clientIds.map((clientId) => this.deliver(run, {
      session: uid, sub: accountId, client_id: clientId, sid: authorizations[clientId]?.sid ?? null,
    }, sem)));

    // Like the provider's end-session: revoke each grant unless it persists logout
    // (offline_access grants marked persistsLogout), then destroy the session.
    let revoked = 0;
    await Promise.all(clientIds.map(async (clientId) => {
      const auth = authorizations[clientId] ?? {};
      if (auth.grantId && !auth.persistsLogout) {
        await revokeGrant(provider, auth.grantId);
        revoked += 1;
      }
    }));
    await session.destroy();
    run.sessions_ended += 1;
    this.events.append('session.ended', {
      run_id: run.run_id, session: uid, sub: accountId, grants_revoked: revoked, time: new Date().toISOString(),
    });
  }

  view(run, { deliveries = false } = {}) {
    const {
      deliveries: list, keepTokens, t0, ...rest
    } = run;
    const out = {
      ...rest,
      counts: { ...run.counts },
      duration_ms: run.duration_ms ?? Math.round(performance.now() - t0),
    };
    if (deliveries) out.deliveries = list;
    return out;
  }

  async idle() {
    await Promise.all([...this.active]);
  }
}
