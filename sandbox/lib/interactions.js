// The sign-in and consent pages (instead of the library's devInteractions, which accept
// any login name without a password). Same routes and form fields as devInteractions:
//   GET  /interaction/:uid         shows the login form or the consent form
//   POST /interaction/:uid         prompt=login (login, password) | prompt=consent
//   GET  /interaction/:uid/abort   access_denied back to the RP
import { escapeHtml, readForm, sendHtml } from './http-util.js';

export function createInteractions({ provider, users, log }) {
  async function details(req, res) {
    return provider.interactionDetails(req, res);
  }

  function layout(title, body) {
    return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)} — Signoff sandbox</title>
<style>body{font-family:sans-serif;max-width:28em;margin:3em auto}label{display:block;margin:.6em 0}
input[type=text],input[type=password]{width:100%;padding:.4em}button{padding:.5em 1.2em}.err{color:#b00}.hint{color:#666;font-size:.9em}</style>
</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
  }

  function loginPage(uid, client, error, login = '') {
    return layout('Sign in', `<p>to <b>${escapeHtml(client?.clientName ?? client?.clientId ?? 'an application')}</b></p>
${error ? `<p class="err">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}" autocomplete="off">
<input type="hidden" name="prompt" value="login">
<label>Username <input type="text" name="login" value="${escapeHtml(login)}" autofocus required></label>
<label>Password <input type="password" name="password" required></label>
<button type="submit">Sign in</button> <a href="/interaction/${escapeHtml(uid)}/abort">Cancel</a>
</form><p class="hint">Demo users: alice/alice, bob/bob, carol/carol, dave/dave.</p>`);
  }

  function consentPage(uid, client, prompt, params) {
    const scopes = [
      ...(prompt.details.missingOIDCScope ?? []),
      ...Object.values(prompt.details.missingResourceScopes ?? {}).flat(),
    ];
    return layout('Authorize', `<p><b>${escapeHtml(client?.clientName ?? params.client_id)}</b> asks for:</p>
<ul>${scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('') || '<li>nothing new</li>'}</ul>
<form method="post" action="/interaction/${escapeHtml(uid)}">
<input type="hidden" name="prompt" value="consent">
<button type="submit">Allow</button> <a href="/interaction/${escapeHtml(uid)}/abort">Deny</a></form>`);
  }

  function errorPage(res, err) {
    const status = err.statusCode ?? err.status ?? 400;
    sendHtml(res, status >= 400 && status < 600 ? status : 400, layout('Sign-in error', `<p class="err">${escapeHtml(err.error_description ?? err.message)}</p>`));
  }

  return async function handle(req, res, url) {
    const parts = url.pathname.split('/').filter(Boolean); // ['interaction', uid, 'abort'?]
    if (parts.length < 2 || parts.length > 3 || (parts[2] !== undefined && parts[2] !== 'abort')) {
      errorPage(res, { status: 404, message: 'not found' });
      return;
    }
    const uid = parts[1];
    try {
      const interaction = await details(req, res);
      if (interaction.uid !== uid) throw Object.assign(new Error('interaction mismatch'), { status: 400 });
      const { prompt, params, session } = interaction;
      const client = await provider.Client.find(params.client_id);

      if (parts[2] === 'abort') {
        await provider.interactionFinished(req, res, {
          error: 'access_denied', error_description: 'End-User aborted interaction',
        }, { mergeWithLastSubmission: false });
        return;
      }

      if (req.method === 'GET') {
        if (prompt.name === 'login') sendHtml(res, 200, loginPage(uid, client));
        else if (prompt.name === 'consent') sendHtml(res, 200, consentPage(uid, client, prompt, params));
        else throw Object.assign(new Error(`prompt ${prompt.name} is not implemented`), { status: 501 });
        return;
      }
      if (req.method !== 'POST') throw Object.assign(new Error('method not allowed'), { status: 405 });

      const form = await readForm(req, 16 * 1024);
      const submitted = form.get('prompt');
      if (submitted === 'login' && prompt.name === 'login') {
        const user = users.authenticate(form.get('login'), form.get('password'));
        if (!user) {
          sendHtml(res, 401, loginPage(uid, client, 'Wrong username or password.', form.get('login') ?? ''));
          return;
        }
        log(`login: ${user.sub} for ${params.client_id}`);
        await provider.interactionFinished(req, res, {
          login: { accountId: user.sub, amr: ['pwd'] },
        }, { mergeWithLastSubmission: false });
        return;
      }
      if (submitted === 'consent' && prompt.name === 'consent') {
        const { details: d } = prompt;
        let grant;
        if (interaction.grantId) grant = await provider.Grant.find(interaction.grantId);
        if (!grant) grant = new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
        if (d.missingOIDCScope) grant.addOIDCScope(d.missingOIDCScope.join(' '));
        if (d.missingOIDCClaims) grant.addOIDCClaims(d.missingOIDCClaims);
        if (d.missingResourceScopes) {
          for (const [indicator, scope] of Object.entries(d.missingResourceScopes)) grant.addResourceScope(indicator, scope.join(' '));
        }
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
        return;
      }
      throw Object.assign(new Error(`expected a ${prompt.name} submission`), { status: 400 });
    } catch (err) {
      errorPage(res, err);
    }
  };
}
