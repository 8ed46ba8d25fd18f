import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, within } from '@testing-library/react';
import type { ProfileSummary } from '../../../../src/contract/api';
import { serializeCorsDocument, type CorsConfig } from '../../../../src/core';
import { RuleEditor } from '../../../../src/web/features/rule-editor/components/rule-editor';
import type { useRealApi } from '../../../support/web-api';
import { testQueryClient } from '../../../support/query-client';
import { profileSummary } from '../../../support/builders';

type Api = ReturnType<typeof useRealApi>;

/**
 * For editor tests, which go through the real console app to s3rver. The first test of a file also
 * pays the cold start of the SDK and of Testing Library's role queries (about a second each in
 * jsdom), and a busy machine multiplies all of it; vitest's 5 s default is not a budget for that.
 */
export const REAL_SERVER_TEST_MS = 30_000;

export function testProfile(ctx: Api, overrides: Partial<ProfileSummary> = {}): ProfileSummary {
  return profileSummary({ endpoint: ctx.s3.endpoint, ...overrides });
}

/** A bucket whose provider holds `config` (or nothing), arranged behind the console's back. */
export async function arrangeBucket(ctx: Api, bucket: string, config?: CorsConfig): Promise<void> {
  await ctx.s3.createBucket(bucket);
  if (config) await putBehindTheBack(ctx, bucket, config);
}

export async function putBehindTheBack(ctx: Api, bucket: string, config: CorsConfig): Promise<void> {
  const answer = await ctx.s3.putCors(bucket, serializeCorsDocument(config, 's3-xml'));
  if (answer.status >= 300) throw new Error(`PutBucketCors failed: ${answer.status} ${answer.body}`);
}

export async function providerXml(ctx: Api, bucket: string): Promise<string> {
  return (await ctx.s3.request('GET', `/${bucket}?cors`)).body;
}

export function renderEditor(profile: ProfileSummary, bucket: string) {
  const client = testQueryClient();
  const ui = () => (
    <QueryClientProvider client={client}>
      <RuleEditor profile={profile} bucket={bucket} />
    </QueryClientProvider>
  );
  const utils = render(ui());
  return { ...utils, client, remount: () => render(ui()) };
}

/** Rule `n`'s card, opened for editing when it is compact (as the person would: its Edit button). */
export async function findRule(n: number) {
  const card = within(await screen.findByRole('region', { name: `Rule ${n}` }));
  const toggle = card.getByRole('button', { name: new RegExp(`^(Edit|Close) rule ${n}$`) });
  if (toggle.getAttribute('aria-expanded') === 'false') fireEvent.click(toggle);
  return card;
}

export function button(name: string | RegExp) {
  return screen.getByRole('button', { name });
}
