import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspExpressible } from '../../../src/server/security/security-headers';
import { publicUrlCspSources } from '../../../src/server/security/storage-origins';

// Issue 16: Chromium logged "The Content-Security-Policy directive 'frame-ancestors' does not
// support the source expression 'http://[::1]:PORT'" on every bucket page. CSP source expressions
// have no IPv6 literal, so such origins are left out of every source list (the browser ignored
// them anyway).

const directive = (csp: string, name: string) => csp.split('; ').find((part) => part.startsWith(`${name} `));

describe('the console CSP', () => {
  it('names every origin CSP can express, bracketed IPv6 literals excepted', () => {
    const harness = ['http://127.0.0.1:8788', 'http://localhost:8788', 'http://[::1]:8788'];
    const csp = contentSecurityPolicy({ frameAncestors: harness, frameSources: harness, connectSources: () => ['http://[fe80::1]:9000', 'http://127.0.0.1:9000'] });
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'self' http://127.0.0.1:8788 http://localhost:8788");
    expect(directive(csp, 'frame-src')).toBe("frame-src 'self' http://127.0.0.1:8788 http://localhost:8788");
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' http://127.0.0.1:9000");
    expect(csp).not.toContain('[');
  });

  it('keeps host names, wildcards and IPv4 addresses', () => {
    const origins = ['https://*.amazonaws.com', 'http://minio.internal:9000', 'http://10.0.0.7:7480', 'HTTP://[::1]'];
    expect(cspExpressible(origins)).toEqual(origins.slice(0, 3));
  });

  it('lets the page load and fetch the public URLs in front of buckets (issue 19), and nothing else besides its own origin', () => {
    const sources = publicUrlCspSources([
      { publicUrl: 'https://cdn.example.com/{bucket}/{key}' },
      { publicUrls: { photos: 'https://{bucket}.images.example.net/{key}', logs: 'http://127.0.0.1:6081/logs/{key}' } },
      {},
    ]);
    expect(sources).toEqual(['https://cdn.example.com', 'https://*.images.example.net', 'http://127.0.0.1:6081']);
    const csp = contentSecurityPolicy({ connectSources: ['http://127.0.0.1:9000', ...sources], imageSources: sources });
    expect(directive(csp, 'img-src')).toBe("img-src 'self' https://cdn.example.com https://*.images.example.net http://127.0.0.1:6081 data:");
    expect(directive(csp, 'connect-src')).toBe("connect-src 'self' http://127.0.0.1:9000 https://cdn.example.com https://*.images.example.net http://127.0.0.1:6081");
    expect(directive(contentSecurityPolicy(), 'img-src')).toBe("img-src 'self' data:");
  });
});
