// PATCH /admin/clients/{id}: re-points an RP's back-channel URI at runtime (not persisted).
//
// The provider builds one Client object per static client on its first Client.find() and
// keeps handing out that same object; client.backchannelLogout() reads
// this.backchannelLogoutUri when it sends. So the change is made on that cached object, and
// every later sender (admin runs, resends, the provider's own end-session) sees it.
import { HttpError } from './http-util.js';

const ALLOWED = ['backchannel_logout_uri', 'backchannel_logout_session_required'];
const MAX_URI = 2048;

function checkUri(value) {
  if (value === null) return null;
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_URI) {
    throw new HttpError(400, 'invalid_request', `backchannel_logout_uri must be null or an absolute http(s) URL of at most ${MAX_URI} characters`);
  }
  // URL() would quietly trim or percent-encode these; an RP address never has them.
  if (/[\s\u0000-\u001f\u007f]/.test(value)) {
    throw new HttpError(400, 'invalid_request', 'backchannel_logout_uri must not contain whitespace or control characters');
  }
  const u = URL.parse(value);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) {
    throw new HttpError(400, 'invalid_request', `backchannel_logout_uri must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
  }
  // Back-Channel Logout 1.0 §2.2: the URI MUST NOT include a fragment. Credentials would
  // end up in logs and client listings.
  if (value.includes('#')) throw new HttpError(400, 'invalid_request', 'backchannel_logout_uri must not contain a fragment');
  if (u.username || u.password) throw new HttpError(400, 'invalid_request', 'backchannel_logout_uri must not contain credentials');
  return value;
}

// Validates a PATCH body; returns { uri?, sessionRequired? } with only the members given.
export function parseClientPatch(body) {
  for (const key of Object.keys(body)) {
    if (!ALLOWED.includes(key)) throw new HttpError(400, 'invalid_request', `unknown member "${key}" (allowed: ${ALLOWED.join(', ')})`);
  }
  if (!ALLOWED.some((k) => k in body)) throw new HttpError(400, 'invalid_request', `give at least one of ${ALLOWED.join(', ')}`);
  const patch = {};
  if ('backchannel_logout_uri' in body) patch.uri = checkUri(body.backchannel_logout_uri);
  if ('backchannel_logout_session_required' in body) {
    if (typeof body.backchannel_logout_session_required !== 'boolean') {
      throw new HttpError(400, 'invalid_request', 'backchannel_logout_session_required must be a boolean');
    }
    patch.sessionRequired = body.backchannel_logout_session_required;
  }
  return patch;
}

// Applies a parsed patch to the provider's cached Client object.
export function applyClientPatch(client, patch) {
  if ('uri' in patch) {
    if (patch.uri === null) delete client.backchannelLogoutUri; // as if never registered
    else client.backchannelLogoutUri = patch.uri;
  }
  if ('sessionRequired' in patch) client.backchannelLogoutSessionRequired = patch.sessionRequired;
}
