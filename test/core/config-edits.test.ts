import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { configEdits, configEditText, type CorsConfig, type CorsRule } from '../../src/core';
import { rule } from '../support/builders';

const app = rule({ id: 'app', allowedMethods: ['PUT', 'POST', 'GET', 'HEAD'], allowedHeaders: ['*'], exposeHeaders: ['ETag'] });
const publicRead = rule({ id: 'public-read', allowedOrigins: ['*'], maxAgeSeconds: 600 });
const uploads = rule({ id: 'uploads', allowedOrigins: ['https://upload.example'], allowedMethods: ['PUT'] });

const texts = (before: CorsConfig | null, after: CorsConfig | null) => configEdits(before, after).map(configEditText);

describe('configEdits: a change as people describe it', () => {
  it('finds nothing between equal configurations', () => {
    expect(configEdits({ rules: [app, publicRead] }, { rules: [app, publicRead] })).toEqual([]);
    expect(configEdits(null, null)).toEqual([]);
    expect(configEdits(null, { rules: [] })).toEqual([]);
  });

  it('names one moved rule once, not as lines removed and added', () => {
    expect(configEdits({ rules: [publicRead, app] }, { rules: [app, publicRead] })).toEqual([{ code: 'rule.moved', params: { at: 0, from: 1, id: 'app' } }]);
    expect(texts({ rules: [publicRead, app] }, { rules: [app, publicRead] })).toEqual(['Rule 2 (app) moved to position 1.']);
  });

  it('does not call rules moved that an insertion above only pushed down', () => {
    expect(texts({ rules: [app, publicRead] }, { rules: [uploads, app, publicRead] })).toEqual(['Rule 1 (uploads) added.']);
    expect(texts({ rules: [uploads, app, publicRead] }, { rules: [app, publicRead] })).toEqual(['Rule 1 (uploads) removed.']);
  });

  it('names values added to and removed from a rule, keeping it the same rule', () => {
    const hidden = { ...app, exposeHeaders: [] };
    expect(texts({ rules: [hidden, publicRead] }, { rules: [app, publicRead] })).toEqual(["ETag added to Rule 1 (app)'s expose headers."]);
    expect(texts({ rules: [app] }, { rules: [{ ...app, allowedOrigins: ['https://new.example'], allowedMethods: ['GET'] }] })).toEqual([
      "https://new.example added to Rule 1 (app)'s origins.",
      "https://app.example.com removed from Rule 1 (app)'s origins.",
      "PUT, POST, HEAD removed from Rule 1 (app)'s methods.",
    ]);
  });

  it('spells header names as people write them, and max-age and IDs in words', () => {
    expect(texts({ rules: [{ ...app, exposeHeaders: [] }] }, { rules: [{ ...app, exposeHeaders: ['etag'] }] })).toEqual(["ETag added to Rule 1 (app)'s expose headers."]);
    expect(texts({ rules: [publicRead] }, { rules: [{ ...publicRead, maxAgeSeconds: 3000 }] })).toEqual(["Rule 1 (public-read)'s max-age: 600 s (10 minutes) → 3000 s (50 minutes)."]);
    expect(texts({ rules: [publicRead] }, { rules: [{ ...publicRead, maxAgeSeconds: undefined }] })).toEqual(["Rule 1 (public-read)'s max-age: 600 s (10 minutes) → none."]);
    expect(texts({ rules: [uploads] }, { rules: [{ ...uploads, id: undefined }] })).toEqual(['Rule 1 (uploads) loses its ID.']);
    expect(texts({ rules: [{ ...uploads, id: undefined }] }, { rules: [uploads] })).toEqual(['Rule 1 is named uploads.']);
  });

  it('pairs an edited rule by its ID even when it also moved, and tells two IDs apart', () => {
    const widened = { ...uploads, allowedMethods: ['PUT', 'POST'] as CorsRule['allowedMethods'] };
    expect(texts({ rules: [app, uploads] }, { rules: [widened, app] })).toEqual(["Rule 2 (uploads) moved to position 1.", "POST added to Rule 1 (uploads)'s methods."]);
    // Same values, different names: a rename, since nothing else tells them apart; with other
    // values changed too, two different rules.
    expect(texts({ rules: [uploads] }, { rules: [{ ...uploads, id: 'uploads-2' }] })).toEqual(['Rule 1 (uploads) is renamed uploads-2.']);
    expect(texts({ rules: [uploads] }, { rules: [{ ...uploads, id: 'uploads-2', allowedMethods: ['PUT', 'POST'] }] })).toEqual(['Rule 1 (uploads) removed.', 'Rule 1 (uploads-2) added.']);
  });

  it('takes a rule with nothing in common for another rule, not an edit', () => {
    expect(texts({ rules: [rule({ allowedOrigins: ['https://a.example'] })] }, { rules: [rule({ allowedOrigins: ['https://b.example'], allowedMethods: ['PUT'] })] })).toEqual([
      'Rule 1 removed.',
      'Rule 1 added.',
    ]);
  });

  it('says when every rule goes, and what that does to browsers', () => {
    expect(texts({ rules: [app, publicRead] }, null)).toEqual([
      'All 2 rules removed: the bucket will have no CORS configuration, and browsers will block every cross-origin request to it.',
    ]);
    expect(texts(null, { rules: [app] })).toEqual(['Rule 1 (app) added.']);
  });

  it('names a ResponseVary change only while rules remain', () => {
    expect(texts({ rules: [app] }, { rules: [app], responseVary: true })).toEqual(['Every answer will carry Vary: Origin (ResponseVary on).']);
    expect(configEdits({ rules: [app], responseVary: false }, { rules: [app] })).toEqual([]);
  });

  it('keeps duplicates apart: removing the second copy is one removal at position 2', () => {
    expect(texts({ rules: [app, app, publicRead] }, { rules: [app, publicRead] })).toEqual(['Rule 2 (app) removed.']);
  });

  it('over any reordering of distinct rules, reports only moves, as few as the longest kept order allows', () => {
    const distinct = (count: number) => Array.from({ length: count }, (_, index) => rule({ id: `r${index}`, allowedOrigins: [`https://${index}.example`] }));
    const longestIncreasing = (values: number[]) => {
      const best: number[] = [];
      values.forEach((value, index) => {
        best[index] = 1 + Math.max(0, ...values.slice(0, index).map((earlier, j) => (earlier < value ? best[j]! : 0)));
      });
      return Math.max(0, ...best);
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }).chain((count) => fc.tuple(fc.constant(count), fc.shuffledSubarray([...Array(count).keys()], { minLength: count, maxLength: count }))), ([count, order]) => {
        const rules = distinct(count);
        const edits = configEdits({ rules }, { rules: order.map((index) => rules[index]!) });
        expect(edits.every((edit) => edit.code === 'rule.moved')).toBe(true);
        expect(edits).toHaveLength(count - longestIncreasing(order));
        for (const edit of edits) if (edit.code === 'rule.moved') expect(order[edit.params.at]).toBe(edit.params.from);
      }),
      { numRuns: 500, seed: 16 },
    );
  });
});
