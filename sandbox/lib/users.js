// The sandbox's user directory: a few demo users with simple passwords, plus users made
// by seeding (sub `user-000001`, ...; the password is the username).
import { timingSafeEqual } from 'node:crypto';

export const DEMO_USERS = [
  { sub: 'alice', password: 'alice', name: 'Alice Adams', email: 'alice@example.test' },
  { sub: 'bob', password: 'bob', name: 'Bob Brown', email: 'bob@example.test' },
  { sub: 'carol', password: 'carol', name: 'Carol Clark', email: 'carol@example.test' },
  { sub: 'dave', password: 'dave', name: 'Dave Davis', email: 'dave@example.test' },
];

function safeEqual(a, b) {
  const x = Buffer.from(String(a));
  const y = Buffer.from(String(b));
  return x.length === y.length && timingSafeEqual(x, y);
}

export class Users {
  constructor() {
    this.bySub = new Map();
    this.order = []; // insertion order for stable paging
    this.seeded = 0;
    for (const u of DEMO_USERS) this.add({ ...u, seeded: false });
  }

  add(user) {
    if (this.bySub.has(user.sub)) return false;
    const record = { created_at: new Date().toISOString(), ...user };
    this.bySub.set(user.sub, record);
    this.order.push(user.sub);
    return true;
  }

  get(sub) {
    return this.bySub.get(sub);
  }

  get size() {
    return this.order.length;
  }

  // Makes sure at least `n` seeded users exist; returns how many were created.
  ensureSeeded(n) {
    let created = 0;
    while (this.seeded < n) {
      this.seeded += 1;
      const sub = `user-${String(this.seeded).padStart(6, '0')}`;
      if (this.add({
        sub, password: sub, name: `Seeded User ${this.seeded}`, email: `${sub}@example.test`, seeded: true,
      })) created += 1;
    }
    return created;
  }

  seededSubs() {
    return this.order.filter((sub) => this.bySub.get(sub).seeded);
  }

  authenticate(login, password) {
    const u = this.bySub.get(String(login ?? '').trim());
    if (!u || !safeEqual(u.password, password ?? '')) return undefined;
    return u;
  }

  claims(sub) {
    const u = this.bySub.get(sub);
    if (!u) return undefined;
    return {
      sub: u.sub,
      name: u.name,
      preferred_username: u.sub,
      email: u.email,
      email_verified: true,
    };
  }

  // Public view (never the password).
  static view(u) {
    return {
      sub: u.sub, username: u.sub, name: u.name, email: u.email, seeded: !!u.seeded, created_at: u.created_at,
    };
  }
}
