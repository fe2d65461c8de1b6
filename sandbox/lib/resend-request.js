// POST /admin/resend: checks the body and each item against the clients as they are now.
import { HttpError } from './http-util.js';

const MAX_ITEMS = 10_000;
const BODY_MEMBERS = ['deliveries', 'concurrency'];
const ITEM_MEMBERS = ['client_id', 'sub', 'sid', 'session'];

function bad(message) {
  return new HttpError(400, 'invalid_request', message);
}

function optionalString(value, name) {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length === 0 || value.length > 256) {
    throw bad(`${name} must be null or a non-empty string of at most 256 characters`);
  }
  return value;
}

function requiredString(value, name) {
  if (typeof value !== 'string' || value.length === 0 || value.length > 256) {
    throw bad(`${name} must be a non-empty string of at most 256 characters`);
  }
  return value;
}

function parseItem(raw, i) {
  const at = `deliveries[${i}]`;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw bad(`${at} must be an object`);
  for (const key of Object.keys(raw)) {
    if (!ITEM_MEMBERS.includes(key)) throw bad(`${at}: unknown member "${key}" (allowed: ${ITEM_MEMBERS.join(', ')})`);
  }
  return {
    client_id: requiredString(raw.client_id, `${at}.client_id`),
    sub: requiredString(raw.sub, `${at}.sub`),
    sid: optionalString(raw.sid, `${at}.sid`),
    session: optionalString(raw.session, `${at}.session`),
  };
}

// Returns { items, concurrency }. `clientInfo(clientId)` gives { uri, sessionRequired } for a
// registered client, null otherwise. A token that would carry `sid` (the client has a
// back-channel URI and requires the session) cannot be sent without one: that item is a
// 400; an unregistered client or one without a URI is only skipped later, sid or not.
export async function parseResendRequest(body, clientInfo) {
  for (const key of Object.keys(body)) {
    if (!BODY_MEMBERS.includes(key)) throw bad(`unknown member "${key}" (allowed: ${BODY_MEMBERS.join(', ')})`);
  }
  const { deliveries, concurrency } = body;
  if (!Array.isArray(deliveries) || deliveries.length === 0 || deliveries.length > MAX_ITEMS) {
    throw bad(`deliveries must be an array of 1..${MAX_ITEMS} items`);
  }
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256)) {
    throw bad('concurrency must be an integer 1..256');
  }
  const items = deliveries.map(parseItem);
  for (const [i, item] of items.entries()) {
    const info = await clientInfo(item.client_id);
    if (info?.uri && info.sessionRequired && item.sid === null) {
      throw bad(`deliveries[${i}]: sid is required for client ${item.client_id} (backchannel_logout_session_required is true)`);
    }
  }
  return { items, concurrency };
}
