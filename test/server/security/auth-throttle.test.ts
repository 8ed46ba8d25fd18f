import { describe, expect, it } from 'vitest';
import { errorCode, httpCall } from '../../support/http';
import { sessionCookie, signIn, TOKEN, useTokenConsoles } from '../../support/token-console';

// Issue 15.5: wrong tokens (Authorization: Bearer and sign-in) are counted per client address,
// paused after 10 in a minute, and logged; another address (the right token elsewhere) is not
// touched. Two clients on one machine: Linux routes all of 127.0.0.0/8 to loopback, so a
// request bound to 127.0.0.2 is a second client address. Raw HTTP, as an attacker sends it.

const OTHER_CLIENT = '127.0.0.2';
const start = useTokenConsoles();

describe('issue 15: wrong tokens are throttled per client address and logged', () => {
  it('evaluates 10 Bearer guesses a minute from one address, not ~1,000 a second, and logs them', async () => {
    const running = await start();
    const statuses: number[] = [];
    const began = performance.now();
    for (let i = 0; i < 300; i++) statuses.push((await httpCall(`${running.url}/api/profiles`, 'GET', { authorization: `Bearer guess-${i}` })).status);
    const seconds = (performance.now() - began) / 1000;
    const evaluated = statuses.filter((s) => s === 401).length;
    console.info(`Bearer guesses: 300 sent in ${seconds.toFixed(2)} s (${Math.round(300 / seconds)}/s); ${evaluated} evaluated, ${statuses.filter((s) => s === 429).length} refused unchecked with 429`);
    expect(evaluated).toBe(10);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);

    // Paused means unchecked: the right token from the guessing address waits too, and says how long.
    const paused = await httpCall(`${running.url}/api/profiles`, 'GET', { authorization: `Bearer ${TOKEN}` });
    expect(paused.status).toBe(429);
    expect(errorCode(paused)).toBe('too-many-requests');
    expect(paused.json['error']).toMatchObject({ params: { retryAfterSeconds: expect.any(Number) }, message: expect.stringMatching(/try again in \d+ s/) });
    expect(Number(paused.headers['retry-after'])).toBeGreaterThan(0);

    // Another address is untouched.
    expect((await httpCall(`${running.url}/api/profiles`, 'GET', { authorization: `Bearer ${TOKEN}` }, undefined, { localAddress: OTHER_CLIENT })).status).toBe(200);

    // Every evaluated guess has a line naming the address; the 290 paused ones share one.
    const failed = running.logs.filter((line) => line.startsWith('authentication failed from 127.0.0.1: wrong Bearer token'));
    expect(failed).toHaveLength(10);
    expect(failed.at(-1)).toContain('(10 of 10 in 60 s)');
    expect(running.logs.filter((line) => line.startsWith('authentication paused for 127.0.0.1'))).toHaveLength(1);
    expect(running.logs.join('\n')).not.toContain('guess-');
  }, 60_000);

  it('lets the right token sign in from one address while another guesses (sign-in and Bearer share the count)', async () => {
    const running = await start();
    for (let i = 0; i < 6; i++) expect((await signIn(running.url, `wrong-${i}-xxxxxxxxxxxx`, OTHER_CLIENT)).status).toBe(401);
    for (let i = 0; i < 4; i++) expect((await httpCall(`${running.url}/api/profiles`, 'GET', { authorization: 'Bearer wrong' }, undefined, { localAddress: OTHER_CLIENT })).status).toBe(401);
    const guesser = await signIn(running.url, TOKEN, OTHER_CLIENT);
    expect(guesser.status).toBe(429);
    expect(guesser.headers['set-cookie']).toBeUndefined();

    const user = await signIn(running.url, TOKEN);
    expect(user.status).toBe(200);
    const cookie = sessionCookie(user.headers['set-cookie']);
    expect((await httpCall(`${running.url}/api/profiles`, 'GET', { cookie })).status).toBe(200);
    expect(running.logs.filter((line) => line.startsWith(`authentication failed from ${OTHER_CLIENT}: wrong token at sign-in`))).toHaveLength(6);
  }, 30_000);

  it('keeps a signed-in session working from an address whose token checks are paused (an HMAC cannot be guessed)', async () => {
    const running = await start();
    const cookie = sessionCookie((await signIn(running.url, TOKEN)).headers['set-cookie']);
    for (let i = 0; i < 10; i++) await signIn(running.url, `wrong-${i}-xxxxxxxxxxxx`);
    expect((await signIn(running.url, TOKEN)).status).toBe(429);
    expect((await httpCall(`${running.url}/api/profiles`, 'GET', { cookie })).status).toBe(200);
  }, 30_000);
});
