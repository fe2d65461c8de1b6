// Which browser-facing request the provider is serving right now, so that the storage
// adapter can note a session's client address at login and its last use without the
// provider knowing about it. Only the socket's peer address counts: X-Forwarded-For and
// friends are client-controlled and there is no proxy in front of the sandbox.
import { AsyncLocalStorage } from 'node:async_hooks';
import net from 'node:net';

const context = new AsyncLocalStorage();

// "::ffff:10.1.2.3" (an IPv4 peer on a dual-stack socket) is shown as "10.1.2.3".
export function clientAddress(remoteAddress) {
  if (typeof remoteAddress !== 'string' || remoteAddress === '') return null;
  const a = remoteAddress.toLowerCase();
  if (a.startsWith('::ffff:') && net.isIPv4(a.slice(7))) return a.slice(7);
  return a;
}

export function runInRequest(req, fn) {
  return context.run({ ip: clientAddress(req.socket?.remoteAddress) }, fn);
}

// {ip} while serving a provider or sign-in request, else undefined (admin API, seeding,
// logout runs: none of those is the user using the session).
export function currentRequest() {
  return context.getStore();
}
