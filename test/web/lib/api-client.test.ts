import { describe, expect, it } from 'vitest';
import type { CorsState } from '../../../src/contract/api';
import { ApiRequestError, apiPath, callApi } from '../../../src/web/lib/api-client';
import { useRealApi } from '../../support/web-api';

const ctx = useRealApi();

describe('callApi', () => {
  it('resolves with the body and the ETag', async () => {
    await ctx.s3.createBucket('client-ok');
    const { data, etag } = await callApi<CorsState>(apiPath.cors('local', 'client-ok'));
    expect(data.config).toBeNull();
    expect(etag).toBe(`"${data.version}"`);
  });

  it('rejects with the server\'s error envelope and status', async () => {
    const error = await callApi(apiPath.cors('local', 'missing-bucket')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).status).toBe(404);
    expect((error as ApiRequestError).body.error).toMatchObject({ code: 'bucket-not-found', providerCode: 'NoSuchBucket' });
  });
});
