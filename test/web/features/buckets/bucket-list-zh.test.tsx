import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { BucketList } from '../../../../src/web/features/buckets/components/bucket-list';
import { activateLocale } from '../../../../src/web/lib/i18n/activate';
import { profileSummary } from '../../../support/builders';
import { s3rverProfile } from '../../../support/console-app';
import { testQueryClient } from '../../../support/query-client';
import { giveViewport } from '../../../support/jsdom-viewport';
import { startMinioStandIn, type StandIn } from '../../../support/minio-stand-in';
import { useRealApi } from '../../../support/web-api';

// Issue 17: a bucket whose CORS cannot be read says why in the console's locale, not in the
// server's English. The provider is a stand-in for MinIO community over real HTTP (NotImplemented
// to ?cors).

let minio: StandIn;
beforeAll(async () => {
  giveViewport('bucket-list-scroller');
  minio = await startMinioStandIn();
});
afterAll(async () => {
  await minio.stop();
});
useRealApi({ profiles: () => [s3rverProfile(minio.endpoint, 'minio')] });

beforeEach(async () => {
  await activateLocale('zh-CN');
});
afterEach(async () => {
  await activateLocale('en');
});

it('words an unreadable CORS configuration in Chinese in the badge’s tooltip', async () => {
  render(
    <QueryClientProvider client={testQueryClient()}>
      <BucketList profile={profileSummary({ id: 'minio', endpoint: minio.endpoint })} />
    </QueryClientProvider>,
  );
  const link = await screen.findByRole('link', { name: /minio-bucket/ });
  const badge = link.querySelector('.cors-badge')!;
  await waitFor(() => expect(badge.getAttribute('title')).toBe('无法读取存储桶 minio-bucket 的 CORS 配置：服务商没有实现该操作（NotImplemented）。'));
});
