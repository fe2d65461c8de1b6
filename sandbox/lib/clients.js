// Static clients: the demo RPs (served by the sandbox itself under /demo-rp/<name>/),
// Signoff's mock RP, and the admin client.

export const ADMIN_CLIENT_ID = 'signoff-admin';
export const ADMIN_SCOPE = 'admin';
export const MOCK_RP_CLIENT_ID = 'signoff-mock-rp';

// behaviour.kind drives the demo RP endpoint (see demo-rps.js).
export const DEMO_RPS = [
  {
    client_id: 'demo-healthy',
    client_name: 'Demo RP: healthy',
    session_required: true,
    behaviour: { kind: 'ok', note: 'validates the logout token and answers 200' },
  },
  {
    client_id: 'demo-slow',
    client_name: 'Demo RP: slow',
    session_required: true,
    behaviour: { kind: 'slow', delayMs: 1500, note: 'waits 1.5 s, then answers 200 (within the sender\'s 2.5 s timeout)' },
  },
  {
    client_id: 'demo-failing',
    client_name: 'Demo RP: failing',
    session_required: true,
    behaviour: { kind: 'status', status: 500, note: 'answers 500 Internal Server Error' },
  },
  {
    client_id: 'demo-hanging',
    client_name: 'Demo RP: hanging',
    session_required: true,
    behaviour: { kind: 'hang', note: 'never answers: the sender gives up after its 2.5 s timeout' },
  },
  {
    client_id: 'demo-no-bcl',
    client_name: 'Demo RP: no back-channel',
    session_required: false,
    noBackchannel: true,
    behaviour: { kind: 'none', note: 'registers no backchannel_logout_uri, so it is never notified' },
  },
  {
    client_id: 'demo-sid-required',
    client_name: 'Demo RP: sid required',
    session_required: true,
    behaviour: { kind: 'ok', note: 'backchannel_logout_session_required=true: the token carries sid; answers 200' },
  },
  {
    client_id: 'demo-sid-optional',
    client_name: 'Demo RP: sid not required',
    session_required: false,
    behaviour: { kind: 'ok', note: 'backchannel_logout_session_required=false: the token carries sub only; answers 200' },
  },
];

export const DEMO_CLIENT_IDS = DEMO_RPS.map((d) => d.client_id);

export function demoSecret(clientId) {
  return `${clientId}-secret`;
}

export function buildClients({ issuer, mockRpUrl, adminSecret }) {
  const clients = [];
  const behaviours = new Map();
  const scope = 'openid profile email offline_access';

  for (const d of DEMO_RPS) {
    const base = `${issuer}/demo-rp/${d.client_id}`;
    const meta = {
      client_id: d.client_id,
      client_name: d.client_name,
      client_secret: demoSecret(d.client_id),
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [`${base}/callback`],
      post_logout_redirect_uris: [`${base}/`],
      scope,
    };
    if (!d.noBackchannel) {
      meta.backchannel_logout_uri = `${base}/backchannel-logout`;
      meta.backchannel_logout_session_required = d.session_required;
    }
    clients.push(meta);
    behaviours.set(d.client_id, { ...d.behaviour, demo: true });
  }

  const mockOrigin = new URL(mockRpUrl).origin;
  clients.push({
    client_id: MOCK_RP_CLIENT_ID,
    client_name: 'Signoff mock RP',
    client_secret: demoSecret(MOCK_RP_CLIENT_ID),
    token_endpoint_auth_method: 'client_secret_basic',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [`${mockOrigin}/callback`, `${issuer}/demo-rp/${MOCK_RP_CLIENT_ID}/callback`],
    post_logout_redirect_uris: [`${mockOrigin}/`, `${issuer}/demo-rp/${MOCK_RP_CLIENT_ID}/`],
    backchannel_logout_uri: mockRpUrl,
    backchannel_logout_session_required: true,
    scope,
  });
  behaviours.set(MOCK_RP_CLIENT_ID, {
    kind: 'external',
    demo: false,
    note: `back-channel URI is Signoff's mock RP (${mockRpUrl}); outcome depends on whether it runs`,
  });

  clients.push({
    client_id: ADMIN_CLIENT_ID,
    client_name: 'Signoff admin',
    client_secret: adminSecret,
    token_endpoint_auth_method: 'client_secret_basic',
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    scope: ADMIN_SCOPE,
  });

  return { clients, behaviours };
}
