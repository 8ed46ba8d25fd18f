import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole, type RunningConsole, type StartEnv } from '../../../src/server/start';
import { errorCode, httpCall } from '../../support/http';

// The access token over real HTTP: required when configured, or generated when the console
// listens beyond loopback; traded once for an HttpOnly, SameSite=Strict session cookie.
// Paths, headers and bodies are written by hand on purpose, not through the typed client: an
// attacker sends raw requests, and these tests must send what the client would never build.

const TOKEN = 'correct-horse-battery-staple-42';
let dataDir: string;
const consoles: RunningConsole[] = [];

async function start(env: Partial<StartEnv>, logs: string[] = []): Promise<RunningConsole> {
  const running = await startConsole({
    env: { PORT: 0, CORS_CONSOLE_S3_PORT: 0, ...env },
    processEnv: {},
    dataDir: await mkdtemp(join(dataDir, 'run-')),
    webDir: join(dataDir, 'no-web-build'),
    log: (line) => logs.push(line),
  });
  consoles.push(running);
  return running;
}

const signIn = (url: string, token: string) => httpCall(`${url}/api/session`, 'POST', { 'content-type': 'application/json' }, JSON.stringify({ token }));
const sessionCookie = (setCookie: string | string[] | undefined) => String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0]!;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'cors-console-token-'));
});
afterAll(async () => {
  await Promise.all(consoles.map((c) => c.stop()));
  await rm(dataDir, { recursive: true, force: true });
});

describe('a console with CORS_CONSOLE_TOKEN', () => {
  let running: RunningConsole;
  beforeAll(async () => {
    running = await start({ CORS_CONSOLE_TOKEN: TOKEN });
  });

  it('answers every /api call without a session with 401 unauthenticated', async () => {
    for (const path of ['/api/profiles', '/api/profiles/local/buckets', '/api/profiles/local/buckets/demo-no-cors/cors']) {
      const res = await httpCall(`${running.url}${path}`);
      expect(res.status).toBe(401);
      expect(res.json['error']).toMatchObject({ code: 'unauthenticated', message: expect.stringContaining('access token') });
    }
    const probe = await httpCall(`${running.url}/api/profiles/local/buckets/demo-no-cors/probe`, 'POST', { 'content-type': 'application/json' }, '{"method":"GET"}');
    expect(probe.status).toBe(401);
  });

  it('says a token is required, without revealing it', async () => {
    const res = await httpCall(`${running.url}/api/session`);
    expect(res.json).toEqual({ required: true, authenticated: false });
    expect(res.text).not.toContain(TOKEN);
  });

  it('refuses a wrong token with 401, and sets no cookie', async () => {
    const res = await signIn(running.url, `${TOKEN}x`);
    expect(res.status).toBe(401);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('trades the right token for an HttpOnly, SameSite=Strict cookie that opens the API', async () => {
    const res = await signIn(running.url, TOKEN);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ required: true, authenticated: true });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\/api/);
    expect(setCookie).not.toContain(TOKEN);
    const cookie = sessionCookie(res.headers['set-cookie']);
    expect((await httpCall(`${running.url}/api/profiles`, 'GET', { cookie })).status).toBe(200);
    expect((await httpCall(`${running.url}/api/session`, 'GET', { cookie })).json).toEqual({ required: true, authenticated: true });
  });

  it('refuses a forged or tampered cookie', async () => {
    const cookie = sessionCookie((await signIn(running.url, TOKEN)).headers['set-cookie']);
    const [name, value] = cookie.split('=') as [string, string];
    const [expiry, id, mac] = value.split('.') as [string, string, string];
    // One character changed (to another one: the original may already end in A).
    const changed = (text: string) => `${text.slice(0, -1)}${text.endsWith('A') ? 'B' : 'A'}`;
    for (const forged of [`${name}=${Number(expiry) + 3600}.${id}.${mac}`, `${name}=${expiry}.${changed(id)}.${mac}`, `${name}=${expiry}.${id}.${changed(mac)}`, `${name}=yes`, `${name}=`]) {
      expect((await httpCall(`${running.url}/api/profiles`, 'GET', { cookie: forged })).status).toBe(401);
    }
  });

  it('takes Authorization: Bearer for scripts', async () => {
    expect((await httpCall(`${running.url}/api/profiles`, 'GET', { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    expect((await httpCall(`${running.url}/api/profiles`, 'GET', { authorization: 'Bearer nope' })).status).toBe(401);
  });

  it('still refuses other origins, even with a valid session', async () => {
    const cookie = sessionCookie((await signIn(running.url, TOKEN)).headers['set-cookie']);
    const res = await httpCall(`${running.url}/api/profiles`, 'GET', { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(res.status).toBe(403);
  });

  it('slows guessing: after 10 wrong tokens in a minute from one address it answers 429, even for the right one', async () => {
    const guessing = await start({ CORS_CONSOLE_TOKEN: TOKEN });
    for (let i = 0; i < 10; i++) expect((await signIn(guessing.url, `guess-number-${i}-xxxxxxxx`)).status).toBe(401);
    const blocked = await signIn(guessing.url, TOKEN);
    expect(blocked.status).toBe(429);
    expect(errorCode(blocked)).toBe('too-many-requests');
  });

  it('keeps sessions across a restart with the same token (the cookie names the port, so on the same port)', async () => {
    const first = await start({ CORS_CONSOLE_TOKEN: TOKEN });
    const cookie = sessionCookie((await signIn(first.url, TOKEN)).headers['set-cookie']);
    const port = Number(new URL(first.url).port);
    await first.stop();
    consoles.splice(consoles.indexOf(first), 1);
    const again = await start({ CORS_CONSOLE_TOKEN: TOKEN, PORT: port });
    expect((await httpCall(`${again.url}/api/profiles`, 'GET', { cookie })).status).toBe(200);
    await again.stop();
    consoles.splice(consoles.indexOf(again), 1);
    const other = await start({ CORS_CONSOLE_TOKEN: `${TOKEN}-rotated`, PORT: port });
    expect((await httpCall(`${other.url}/api/profiles`, 'GET', { cookie })).status).toBe(401);
  });
});

describe('a console listening beyond loopback', () => {
  it('generates a token, prints it once, and requires it', async () => {
    const logs: string[] = [];
    const running = await start({ HOST: '0.0.0.0' }, logs);
    const token = running.accessToken!;
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(logs.filter((line) => line.includes(token))).toEqual([expect.stringContaining('access token (generated')]);
    expect((await httpCall(`${running.url}/api/profiles`)).status).toBe(401);
    const cookie = sessionCookie((await signIn(running.url, token)).headers['set-cookie']);
    expect((await httpCall(`${running.url}/api/profiles`, 'GET', { cookie })).status).toBe(200);
  });

  it('needs no token on loopback when none is configured', async () => {
    const running = await start({});
    expect(running.accessToken).toBeNull();
    expect((await httpCall(`${running.url}/api/session`)).json).toEqual({ required: false, authenticated: true });
    expect((await httpCall(`${running.url}/api/profiles`)).status).toBe(200);
  });
});
