import { describe, expect, it } from 'vitest';
import { misfitOf, validateApp, type FixChange } from '../../../src/core';
import { testRequestSchema } from '../../../src/contract/api';
import {
  appRequestText,
  draftChangeToastText,
  draftNoteText,
  formMessage,
  lastTestNoteText,
  probeFailureText,
  skippedPlanText,
  requestOutcomeText,
  ruleRoomText,
  type DraftNote,
} from '../../../src/web/lib/messages';
import { pageTitle } from '../../../src/web/lib/page-title';

// The web app's English for what its logic modules report as codes and values: these pin the
// wording (the modules' own tests assert the codes).

describe('the web catalogue', () => {
  it.each<[string, DraftNote, string]>([
    ['the loosest rule, inserted first', { code: 'wizard-inserted', rules: 'loosest', count: 1, at: 0 }, 'Rule wizard: the loosest (diagnostic) rule inserted at position 1.'],
    ['two strictest rules, replacing the draft', { code: 'wizard-inserted', rules: 'strictest', count: 2, at: 'whole-draft' }, 'Rule wizard: the strictest rules for the app inserted replacing the draft.'],
    ['an import from a file', { code: 'imported', ruleCount: 3, file: 'cors.json', format: 'aws-json' }, 'Imported 3 rules from cors.json (AWS JSON) into the draft.'],
    ['an import of pasted text', { code: 'imported', ruleCount: 1, format: 's3-xml' }, 'Imported 1 rule from pasted text (S3 XML) into the draft.'],
  ])('announces %s', (_name, note, english) => {
    expect(draftNoteText(note)).toBe(english);
    expect(draftChangeToastText(note)).toBe(`${english} Undo takes it back.`);
  });

  it('says the strictest fix was applied, in the words of the fix', () => {
    const change: FixChange = { kind: 'insert-rule', method: 'PUT', headers: [], origin: 'https://app.example', position: 0 };
    expect(draftNoteText({ code: 'fix-applied', change })).toMatch(/^Applied to the draft: .*PUT.*https:\/\/app\.example/);
  });

  it('says which test the highlighted rules answered', () => {
    expect(lastTestNoteText({ method: 'PUT', key: 'up/a.txt', origin: 'https://app.example' })).toBe('Answers the last test: PUT up/a.txt from https://app.example.');
  });

  it.each([
    [{ dialect: 'oss' as const, limit: 10, kept: 3, room: 7, replacesDraft: false }, "Alibaba Cloud OSS allows at most 10 rules; 3 of the draft's rules stay, so up to 7 can be added."],
    [{ dialect: 'oss' as const, limit: 10, kept: 0, room: 10, replacesDraft: true }, 'Alibaba Cloud OSS allows at most 10 rules; replacing the draft keeps none of its rules, so up to 10 can be added.'],
    [{ dialect: 'oss' as const, limit: 10, kept: 10, room: 0, replacesDraft: false }, "Alibaba Cloud OSS allows at most 10 rules; 10 of the draft's rules stay, so no rule fits."],
  ])('says how many rules fit: %j', (facts, english) => {
    expect(ruleRoomText(facts)).toBe(english);
  });

  it("describes an app's request and what script can read of it", () => {
    expect(appRequestText({ method: 'PUT', origin: 'https://app.example', headers: { 'content-type': 'application/json' }, credentials: 'include' })).toBe(
      'PUT from https://app.example with content-type: application/json (with credentials)',
    );
    expect(requestOutcomeText({ code: 'broken', breakages: [{ code: 'header-unreadable', params: { headers: ['etag', 'x-amz-version-id'] } }] })).toBe(
      'The app gets null for ETag and x-amz-version-id, so a multipart upload cannot complete (each part\'s ETag is needed) and integrity checks fail.',
    );
    expect(requestOutcomeText({ code: 'readable', headers: ['etag'] })).toBe('Script can read ETag.');
  });

  it('words the forms’ messages', () => {
    expect(formMessage('header-row-unnamed')).toBe('Name the header, or remove this row.');
    expect(formMessage('max-age-not-whole')).toBe('Write a whole number of seconds, or leave it empty for the wizard to choose.');
    expect(formMessage('operation-not-chosen', { operation: 'Delete (DELETE)' })).toBe("Delete (DELETE) is not among the app's operations: choose it above, or pick another.");
    expect(formMessage('header-lines-unreadable', { lines: ['x-a', 'nope'] })).toBe('Write each header as "name: value": x-a · nope');
    expect(formMessage('signed-post')).toBe('A signed POST is a form upload: use "Upload with a POST form" below.');
    const issues = validateApp({ origins: ['www.a.com'], operations: ['download'], requestHeaders: [], credentials: false, readableHeaders: [] }, 's3');
    expect(formMessage('issues', { issues })).toContain('https://www.a.com');
  });

  it("words the API schema's refusals of a test request from the misfit, not the schema library's text", () => {
    const refused = testRequestSchema.safeParse({ key: 'a/../b', method: 'GET', headers: { 'x-a': 'one\ntwo' }, credentials: 'omit', signed: false, from: 'console', mustRead: [] });
    expect(refused.success).toBe(false);
    const messages = (refused.error?.issues ?? []).map((issue) =>
      formMessage('request-misfit', issue.path[0] === 'headers' ? { misfit: misfitOf(issue), header: String(issue.path[1]) } : { misfit: misfitOf(issue) }),
    );
    expect(messages).toEqual(['Object keys with "." or ".." path segments cannot be addressed by URL.', 'Header x-a: Header values cannot contain line breaks or control characters.']);
  });

  it("says why the server's probe got no answer, from the failure's values", () => {
    expect(probeFailureText({ code: 'provider-unreachable', transportCode: 'ECONNREFUSED', transportMessage: 'connect ECONNREFUSED 127.0.0.1:1' })).toBe('The storage endpoint did not answer (ECONNREFUSED).');
    expect(probeFailureText({ code: 'provider-timeout', timeoutMs: 10_000 })).toBe('No answer within 10000 ms.');
  });

  it('says why a bulk apply skipped a bucket', () => {
    expect(skippedPlanText('unchanged')).toBe('Already holds these rules; nothing to write.');
  });

  it('titles each page most specific first', () => {
    expect(pageTitle({ name: 'home' }, undefined)).toBe('cors-console');
    expect(pageTitle({ name: 'profile', profile: 'local' }, 'Embedded s3rver')).toBe('Embedded s3rver · cors-console');
    expect(pageTitle({ name: 'bucket', profile: 'local', bucket: 'demo-direct-upload', tab: 'test' }, 'Embedded s3rver')).toBe('demo-direct-upload · Test CORS · Embedded s3rver · cors-console');
    expect(pageTitle({ name: 'bucket', profile: 'gone', bucket: 'b', tab: 'rules' }, undefined)).toBe('b · Rules · gone · cors-console');
    expect(pageTitle({ name: 'not-found', path: '/x' }, undefined)).toBe('Not found · cors-console');
  });
});
