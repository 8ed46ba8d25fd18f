import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { httpCall } from '../../support/http';
import { sessionCookie, signIn, TOKEN, useTokenConsoles } from '../../support/token-console';

// Issue 15.5: sign-out ends the session on the server (a copy of the cookie made before it opens
// nothing after it, across a restart too), and the cookie's name names the console's port, with
// any other cookie of that name (one a page on another port of the same host planted with a
// longer path, which the browser sends first, RFC 6265 §5.4) ignored rather than obeyed.

const start = useTokenConsoles();
const port = (url: string) => new URL(url).port;

describe('issue 15: sign-out revokes the session on the server', () => {
  it('refuses a cookie copied before sign-out, after it and after a restart on the same data folder', async () => {
    const running = await start();
    const copied = sessionCookie((await signIn(running.url, TOKEN)).headers['set-cookie']);
    const other = sessionCookie((await signIn(running.url, TOKEN)).headers['set-cookie']);
    expect((await httpCall(`${running.url}/api/profiles`, 'GET', { cookie: copied })).status).toBe(200);

    const signOut = await httpCall(`${running.url}/api/session`, 'DELETE', { cookie: copied });
    expect(signOut.status).toBe(200);
    expect(String(signOut.headers['set-cookie'])).toMatch(/Max-Age=0/);
    expect((await httpCall(`${running.url}/api/profiles`, 'GET', { cookie: copied })).status).toBe(401);
    expect((await httpCall(`${running.url}/api/session`, 'GET', { cookie: copied })).json).toEqual({ required: true, authenticated: false });
    // Signing out one browser leaves the others signed in.
    expect((await httpCall(`${running.url}/api/profiles`, 'GET', { cookie: other })).status).toBe(200);

    await running.stop();
    const restarted = await start({ PORT: Number(port(running.url)) }, running.dataDir);
    expect((await httpCall(`${restarted.url}/api/profiles`, 'GET', { cookie: copied })).status).toBe(401);
    expect((await httpCall(`${restarted.url}/api/profiles`, 'GET', { cookie: other })).status).toBe(200);

    // A list that cannot be read cannot say which sessions ended: every session ends.
    await restarted.stop();
    await writeFile(join(running.dataDir, 'sessions.json'), '{ not json');
    const afterDamage = await start({ PORT: Number(port(running.url)) }, running.dataDir);
    expect((await httpCall(`${afterDamage.url}/api/profiles`, 'GET', { cookie: other })).status).toBe(401);
    expect((await signIn(afterDamage.url, TOKEN)).status).toBe(200);
  }, 60_000);
});

describe('issue 15: the session cookie names the port, and a planted one never locks the user out', () => {
  it('names the cookie after the console port', async () => {
    const running = await start();
    const setCookie = String((await signIn(running.url, TOKEN)).headers['set-cookie']);
    expect(setCookie).toMatch(new RegExp(`^cors_console_session_${port(running.url)}=`));
  }, 30_000);

  it('tries every cookie of its name: a planted longer-path one sent first is ignored, logged once, and the user stays in', async () => {
    const running = await start();
    const name = `cors_console_session_${port(running.url)}`;
    const mine = sessionCookie((await signIn(running.url, TOKEN)).headers['set-cookie']);
    // What a page on another port of this host can set: the same name, Path=/api/profiles, junk or a stale session.
    const planted = [`${name}=planted-by-another-port`, `${name}=1700000000.AAAAAAAAAAAAAAAAAAAAAA.${'A'.repeat(43)}`];
    for (const junk of planted) {
      const res = await httpCall(`${running.url}/api/profiles`, 'GET', { cookie: `${junk}; ${mine}` });
      expect(res.status).toBe(200);
    }
    // Alone (the user not signed in), the planted cookie is no session and counts as no guess:
    // 30 requests carrying it, then the right token still signs in from the same address.
    for (let i = 0; i < 30; i++) {
      const res = await httpCall(`${running.url}/api/profiles`, 'GET', { cookie: planted[0]! });
      expect(res.status).toBe(401);
      // The console clears its own cookie (Path=/api) so a stale one is not sent again.
      expect(String(res.headers['set-cookie'])).toMatch(new RegExp(`^${name}=; Max-Age=0; Path=/api`));
    }
    expect((await signIn(running.url, TOKEN)).status).toBe(200);
    expect(running.logs.filter((line) => line.includes('a session cookie that is not valid'))).toHaveLength(1);
  }, 30_000);
});
