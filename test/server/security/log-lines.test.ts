import { describe, expect, it } from 'vitest';
import { httpCall } from '../../support/http';
import { useTokenConsoles } from '../../support/token-console';

// Issue 15.5: a refused request's path goes into the log with its control characters escaped,
// so it can neither forge a second log line (CR/LF) nor drive the terminal reading it (ESC).

const start = useTokenConsoles();

describe('issue 15: log lines escape control characters', () => {
  it('writes a refused path with CR, LF, ESC, NUL, DEL, C1 and U+2028 as visible escapes', async () => {
    const running = await start();
    // Percent-encoded on the wire (a request line cannot carry them raw); the router decodes them.
    const path = '/api/x%0D%0A[cors-console]%20forged%20line%1B[31mred%00%7F%C2%9B%E2%80%A8end';
    const res = await httpCall(`${running.url}${path}`, 'GET', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(res.status).toBe(403);
    const line = running.logs.find((l) => l.startsWith('refused GET /api/x'));
    expect(line).toMatch(/^refused GET \/api\/x\\x0d\\x0a\[cors-console\] forged line\\x1b\[31mred\\x00\\x7f\\x9b\\u2028end: .*cross-site/);
    // eslint-disable-next-line no-control-regex
    expect(running.logs.filter((l) => /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(l))).toEqual([]);
  }, 30_000);
});
