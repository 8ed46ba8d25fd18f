import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { BucketList } from '../../../../src/web/features/buckets/components/bucket-list';
import { activateLocale } from '../../../../src/web/lib/i18n/activate';
import { profileSummary } from '../../../support/builders';
import { s3rverProfile } from '../../../support/console-app';
import { testQueryClient } from '../../../support/query-client';
import { giveViewport } from '../../../support/jsdom-viewport';
import { useRealApi } from '../../../support/web-api';

// Issue 17: a bucket whose CORS cannot be read says why in the console's locale, not in the
// server's English. The provider is a stand-in for MinIO community over real HTTP: it lists one
// bucket and answers NotImplemented to ?cors, as MinIO does.

let minio: Server;
let minioEndpoint = '';
beforeAll(async () => {
  giveViewport('bucket-list-scroller');
  minio = createServer((req, res) => {
    res.setHeader('content-type', 'application/xml');
    if (req.url?.includes('cors')) {
      res.statusCode = 501;
      res.end('<?xml version="1.0"?><Error><Code>NotImplemented</Code><Message>A header you provided implies functionality that is not implemented</Message></Error>');
      return;
    }
    res.end('<?xml version="1.0"?><ListAllMyBucketsResult><Owner><ID>x</ID></Owner><Buckets><Bucket><Name>minio-bucket</Name><CreationDate>2026-01-01T00:00:00.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>');
  });
  await new Promise<void>((resolve) => minio.listen(0, '127.0.0.1', resolve));
  minioEndpoint = `http://127.0.0.1:${(minio.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => minio.close(resolve));
});
useRealApi({ profiles: () => [s3rverProfile(minioEndpoint, 'minio')] });

beforeEach(async () => {
  await activateLocale('zh-CN');
});
afterEach(async () => {
  await activateLocale('en');
});

it('words an unreadable CORS configuration in Chinese in the badge’s tooltip', async () => {
  render(
    <QueryClientProvider client={testQueryClient()}>
      <BucketList profile={profileSummary({ id: 'minio', endpoint: minioEndpoint })} />
    </QueryClientProvider>,
  );
  const link = await screen.findByRole('link', { name: /minio-bucket/ });
  const badge = link.querySelector('.cors-badge')!;
  await waitFor(() => expect(badge.getAttribute('title')).toBe('无法读取存储桶 minio-bucket 的 CORS 配置：服务商没有实现该操作（NotImplemented）。'));
});
