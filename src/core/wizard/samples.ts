// Concrete members of rule values, for trying a configuration out. Kept apart from the app
// description (app.ts validates, and validation's shadowing analysis samples requests with these).

/** A concrete origin a pattern matches, for trying it out: `https://*.example.com` → `https://sample.example.com`. */
export function sampleOrigin(pattern: string): string {
  if (pattern === '*') return 'https://any-site.example';
  return pattern.replace('*', 'sample');
}

/** A concrete header name and value: families get a member, Content-Type a type that needs a preflight. */
export function sampleHeader(header: { name: string; value?: string }): [string, string] {
  const name = header.name.replace('*', 'sample').toLowerCase();
  if (header.value !== undefined) return [name, header.value];
  return [name, name === 'content-type' ? 'application/octet-stream' : 'sample'];
}
