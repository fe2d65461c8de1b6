// In-memory storage adapter for oidc-provider with TTLs and the secondary indexes the
// admin API needs. The library's own development adapter is an LRU capped at 1,000
// records and cannot list sessions; this one has no cap and keeps, for Session records:
//   uid -> jti, accountId -> sessions, clientId -> sessions, and a creation order
// (a monotonically increasing `seq` per session uid) so that cursor paging is stable.
//
// Payloads are cloned on the way in and on the way out, like a real database adapter
// would do, so a model instance mutated without save() never changes what is stored
// (and the indexes never drift from the stored data).
//
// Per session uid it also keeps the client address of the login and the time of the last
// use (what an administrator sees as "IP" and "last access"). They live next to the index
// entry rather than in the payload because oidc-provider drops unknown payload members.
import { currentRequest } from './request-context.js';

const GRANTABLE = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
  'PreAuthorizedCode',
]);

const clone = (value) => (value === undefined ? undefined : structuredClone(value));

// A set of session seqs kept as a sorted array (with lazily removed members) so that
// "the next `limit` members after seq X" is a binary search plus a short walk.
export class OrderedIndex {
  constructor() {
    this.arr = [];
    this.members = new Set();
  }

  get size() {
    return this.members.size;
  }

  add(seq) {
    if (this.members.has(seq)) return;
    this.members.add(seq);
    const { arr } = this;
    if (arr.length === 0 || arr[arr.length - 1] < seq) {
      arr.push(seq);
      return;
    }
    const i = lowerBound(arr, seq);
    if (arr[i] !== seq) arr.splice(i, 0, seq);
  }

  delete(seq) {
    if (!this.members.delete(seq)) return;
    // Keep the array from growing without bound when many members are removed.
    if (this.arr.length > 1024 && this.arr.length > 2 * this.members.size) this.compact();
  }

  compact() {
    if (this.arr.length === this.members.size) return;
    this.arr = this.arr.filter((s) => this.members.has(s));
  }

  // Yields live seqs strictly greater than `after`, in ascending order.
  * after(after) {
    const { arr } = this;
    for (let i = upperBound(arr, after); i < arr.length; i += 1) {
      const s = arr[i];
      if (this.members.has(s)) yield s;
    }
  }

  // Yields live seqs starting at the `offset`-th live member.
  * fromOffset(offset) {
    this.compact();
    const { arr } = this;
    for (let i = offset; i < arr.length; i += 1) {
      if (this.members.has(arr[i])) yield arr[i];
    }
  }
}

function lowerBound(arr, value) {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < value) lo = mid + 1; else hi = mid;
  }
  return lo;
}

function upperBound(arr, value) {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] <= value) lo = mid + 1; else hi = mid;
  }
  return lo;
}

function indexAdd(map, key, seq) {
  let idx = map.get(key);
  if (!idx) {
    idx = new OrderedIndex();
    map.set(key, idx);
  }
  idx.add(seq);
}

function indexDelete(map, key, seq) {
  const idx = map.get(key);
  if (!idx) return;
  idx.delete(seq);
  if (idx.size === 0) map.delete(key);
}

// One store shared by all model adapters of one provider instance.
export class Store {
  constructor({ clockTolerance = 0, sweepIntervalMs = 30_000, clock = Date.now } = {}) {
    this.clockTolerance = clockTolerance;
    this.clock = clock; // for last-access times only (tests step it)
    this.models = new Map(); // model name -> Map<id, {payload, expiresAt}>
    this.grants = new Map(); // grantId -> Set<`${model}:${id}`>
    this.userCodes = new Map(); // userCode -> id (DeviceCode)

    // Session indexes (keyed by the session uid, which survives jti rotation).
    this.seq = 0;
    this.sessionUid = new Map(); // uid -> jti
    this.sessionSeq = new Map(); // uid -> seq
    this.seqUid = new Map(); // seq -> uid
    // uid -> {accountId, clients[], loginTs, ip, lastAccess}: what is indexed, plus the
    // activity (ip of the login that set loginTs, lastAccess in epoch seconds).
    this.sessionIndexed = new Map();
    this.sessionsAll = new OrderedIndex(); // sessions with an accountId
    this.sessionsByAccount = new Map(); // accountId -> OrderedIndex
    this.sessionsByClient = new Map(); // clientId -> OrderedIndex
    // Session.save() after resetIdentifier() destroys the old jti and then writes the new
    // one with the same uid; remembering the seq of a just-destroyed uid briefly keeps
    // the session in its place in the ordering.
    this.tombstones = new Map(); // uid -> {seq, until, record}

    this.sweepTimer = setInterval(() => this.sweep(), sweepIntervalMs);
    this.sweepTimer.unref();
  }

  close() {
    clearInterval(this.sweepTimer);
  }

  table(model) {
    let t = this.models.get(model);
    if (!t) {
      t = new Map();
      this.models.set(model, t);
    }
    return t;
  }

  expiresAtFor(expiresIn) {
    return typeof expiresIn === 'number' ? Date.now() + (expiresIn + this.clockTolerance) * 1000 : Infinity;
  }

  // Returns the live stored entry or undefined (removing it if expired).
  entry(model, id) {
    const t = this.models.get(model);
    if (!t) return undefined;
    const e = t.get(id);
    if (!e) return undefined;
    if (e.expiresAt <= Date.now()) {
      this.remove(model, id);
      return undefined;
    }
    return e;
  }

  upsert(model, id, payload, expiresIn) {
    const t = this.table(model);
    if (t.has(id)) this.remove(model, id);
    const stored = clone(payload);
    const e = { payload: stored, expiresAt: this.expiresAtFor(expiresIn) };
    t.set(id, e);

    if (GRANTABLE.has(model) && stored.grantId) {
      let members = this.grants.get(stored.grantId);
      if (!members) {
        members = new Set();
        this.grants.set(stored.grantId, members);
      }
      members.add(`${model}:${id}`);
    }
    if (stored.userCode) this.userCodes.set(stored.userCode, id);
    if (model === 'Session' && stored.uid) this.indexSession(id, stored);
  }

  remove(model, id) {
    const t = this.models.get(model);
    const e = t?.get(id);
    if (!e) return false;
    t.delete(id);
    const { payload } = e;
    if (GRANTABLE.has(model) && payload.grantId) {
      const members = this.grants.get(payload.grantId);
      if (members) {
        members.delete(`${model}:${id}`);
        if (members.size === 0) this.grants.delete(payload.grantId);
      }
    }
    if (payload.userCode && this.userCodes.get(payload.userCode) === id) this.userCodes.delete(payload.userCode);
    if (model === 'Session' && payload.uid && this.sessionUid.get(payload.uid) === id) {
      this.unindexSession(payload.uid, { tombstone: true });
    }
    return true;
  }

  indexSession(jti, payload) {
    const { uid } = payload;
    const previousJti = this.sessionUid.get(uid);
    if (previousJti !== undefined && previousJti !== jti) {
      // Two live records for one uid: the newer write wins.
      this.table('Session').delete(previousJti);
    }
    let seq = this.sessionSeq.get(uid);
    let before = this.sessionIndexed.get(uid);
    if (seq === undefined) {
      const tomb = this.tombstones.get(uid);
      if (tomb && tomb.until > Date.now()) {
        seq = tomb.seq;
        before = { ...tomb.record, accountId: undefined, clients: [] }; // its indexes are gone
      } else {
        this.seq += 1;
        seq = this.seq;
      }
      this.tombstones.delete(uid);
      this.sessionSeq.set(uid, seq);
      this.seqUid.set(seq, uid);
    }
    this.sessionUid.set(uid, jti);

    const accountId = payload.accountId ?? undefined;
    const clients = payload.authorizations ? Object.keys(payload.authorizations) : [];
    if (before) {
      if (before.accountId !== accountId && before.accountId !== undefined) {
        indexDelete(this.sessionsByAccount, before.accountId, seq);
      }
      for (const c of before.clients) {
        if (!clients.includes(c)) indexDelete(this.sessionsByClient, c, seq);
      }
    }
    if (accountId !== undefined) {
      this.sessionsAll.add(seq);
      indexAdd(this.sessionsByAccount, accountId, seq);
      for (const c of clients) indexAdd(this.sessionsByClient, c, seq);
    } else {
      this.sessionsAll.delete(seq);
      for (const c of clients) indexDelete(this.sessionsByClient, c, seq);
    }
    this.sessionIndexed.set(uid, {
      accountId,
      clients: accountId !== undefined ? clients : [],
      loginTs: before?.loginTs,
      ip: before?.ip ?? null,
      lastAccess: before?.lastAccess ?? null,
    });
  }

  unindexSession(uid, { tombstone }) {
    const seq = this.sessionSeq.get(uid);
    const before = this.sessionIndexed.get(uid);
    this.sessionUid.delete(uid);
    this.sessionSeq.delete(uid);
    this.sessionIndexed.delete(uid);
    if (seq === undefined) return;
    this.seqUid.delete(seq);
    this.sessionsAll.delete(seq);
    if (before) {
      if (before.accountId !== undefined) indexDelete(this.sessionsByAccount, before.accountId, seq);
      for (const c of before.clients) indexDelete(this.sessionsByClient, c, seq);
    }
    if (tombstone) this.tombstones.set(uid, { seq, until: Date.now() + 60_000, record: before });
  }

  // A request ({ip}) used session `uid` whose stored loginTs is `loginTs`: the time is noted
  // on every use, the address when the login is new to us (a loginTs not seen before).
  noteSessionUse(uid, loginTs, request) {
    const rec = this.sessionIndexed.get(uid);
    if (!rec) return;
    if (loginTs !== undefined && rec.loginTs !== loginTs) {
      rec.loginTs = loginTs;
      rec.ip = request.ip;
    }
    rec.lastAccess = Math.floor(this.clock() / 1000);
  }

  // For seeded sessions, which no request ever used.
  setSessionActivity(uid, { loginTs, ip, lastAccess }) {
    const rec = this.sessionIndexed.get(uid);
    if (!rec) return;
    rec.loginTs = loginTs;
    rec.ip = ip;
    rec.lastAccess = lastAccess;
  }

  // {ip, lastAccess} of a session (either may be null), or undefined if unknown.
  sessionActivity(uid) {
    const rec = this.sessionIndexed.get(uid);
    return rec && { ip: rec.ip, lastAccess: rec.lastAccess };
  }

  revokeByGrantId(model, grantId) {
    const members = this.grants.get(grantId);
    if (!members) return;
    for (const key of [...members]) {
      const i = key.indexOf(':');
      if (key.slice(0, i) === model) this.remove(model, key.slice(i + 1));
    }
  }

  sweep() {
    const now = Date.now();
    for (const [model, t] of this.models) {
      for (const [id, e] of t) {
        if (e.expiresAt <= now) this.remove(model, id);
      }
    }
    for (const [uid, tomb] of this.tombstones) {
      if (tomb.until <= now) this.tombstones.delete(uid);
    }
  }

  // ---- queries used by the admin API (read-only views of stored Session payloads) ----

  sessionByUid(uid) {
    const jti = this.sessionUid.get(uid);
    if (jti === undefined) return undefined;
    const e = this.entry('Session', jti);
    return e ? { jti, payload: e.payload, expiresAt: e.expiresAt, seq: this.sessionSeq.get(uid) } : undefined;
  }

  sessionBySeq(seq) {
    const uid = this.seqUid.get(seq);
    return uid === undefined ? undefined : this.sessionByUid(uid);
  }

  sessionCount() {
    return this.sessionsAll.size;
  }

  sessionCountForAccount(accountId) {
    return this.sessionsByAccount.get(accountId)?.size ?? 0;
  }

  sessionCountForClient(clientId) {
    return this.sessionsByClient.get(clientId)?.size ?? 0;
  }

  // Picks the smallest index matching the filters; the other filters become predicates.
  sessionQueryPlan({ clientId, accountId } = {}) {
    const candidates = [];
    if (clientId !== undefined) candidates.push(['client', this.sessionsByClient.get(clientId)]);
    if (accountId !== undefined) candidates.push(['account', this.sessionsByAccount.get(accountId)]);
    if (candidates.length === 0) return { index: this.sessionsAll, predicate: null };
    if (candidates.some(([, idx]) => !idx)) return { index: new OrderedIndex(), predicate: null };
    candidates.sort((a, b) => a[1].size - b[1].size);
    const [[, index], ...rest] = candidates;
    if (rest.length === 0) return { index, predicate: null };
    const others = rest.map(([, idx]) => idx);
    return { index, predicate: (seq) => others.every((idx) => idx.members.has(seq)) };
  }

  countSessions(filters) {
    const { index, predicate } = this.sessionQueryPlan(filters);
    if (!predicate) return index.size;
    let n = 0;
    for (const seq of index.members) if (predicate(seq)) n += 1;
    return n;
  }

  // Cursor paging: sessions with seq > afterSeq. Offset paging: skip `offset` matches.
  listSessions(filters, { afterSeq, offset, limit }) {
    const { index, predicate } = this.sessionQueryPlan(filters);
    const items = [];
    let iter;
    let skip = 0;
    if (offset !== undefined) {
      if (predicate) {
        iter = index.after(0);
        skip = offset;
      } else {
        iter = index.fromOffset(offset);
      }
    } else {
      iter = index.after(afterSeq ?? 0);
    }
    let hasMore = false;
    for (const seq of iter) {
      if (predicate && !predicate(seq)) continue;
      if (skip > 0) {
        skip -= 1;
        continue;
      }
      if (items.length === limit) {
        hasMore = true;
        break;
      }
      const s = this.sessionBySeq(seq);
      if (s) items.push(s);
    }
    return { items, hasMore };
  }

  // All live session uids matching the filters, in order.
  sessionUids(filters) {
    const { index, predicate } = this.sessionQueryPlan(filters);
    const out = [];
    for (const seq of index.after(0)) {
      if (predicate && !predicate(seq)) continue;
      const uid = this.seqUid.get(seq);
      if (uid !== undefined) out.push(uid);
    }
    return out;
  }

  stats() {
    const models = {};
    for (const [model, t] of this.models) models[model] = t.size;
    return { models, sessions: this.sessionsAll.size, grants: this.grants.size };
  }
}

// The adapter class oidc-provider instantiates once per model name. `requestInfo()` says
// which user-facing request (if any) is running, so a session loaded or saved by it counts
// as used.
export function createAdapterClass(store, { requestInfo = currentRequest } = {}) {
  const noteUse = (payload) => {
    if (!payload?.uid) return;
    const request = requestInfo();
    if (request) store.noteSessionUse(payload.uid, payload.loginTs, request);
  };

  return class SandboxAdapter {
    constructor(model) {
      this.model = model;
    }

    async upsert(id, payload, expiresIn) {
      store.upsert(this.model, id, payload, expiresIn);
      if (this.model === 'Session') noteUse(payload);
    }

    async find(id) {
      const payload = store.entry(this.model, id)?.payload;
      if (this.model === 'Session') noteUse(payload);
      return clone(payload);
    }

    async findByUid(uid) {
      const jti = store.sessionUid.get(uid);
      return jti === undefined ? undefined : this.find(jti);
    }

    async findByUserCode(userCode) {
      const id = store.userCodes.get(userCode);
      return id === undefined ? undefined : this.find(id);
    }

    async consume(id) {
      const e = store.entry(this.model, id);
      if (e) e.payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id) {
      store.remove(this.model, id);
    }

    async revokeByGrantId(grantId) {
      if (this.model === 'Grant') {
        store.remove('Grant', grantId);
        return;
      }
      store.revokeByGrantId(this.model, grantId);
    }
  };
}
