import type { CorsState } from '../../contract/api';
import type { CorsConfig } from '../../core';
import { apiPath, callApi } from './api-client';

/** PUT with If-Match; rejects with ApiRequestError (409 carries `current`, 422 carries `issues`). */
export async function saveCors(profile: string, bucket: string, config: CorsConfig, version: string): Promise<CorsState> {
  const { data } = await callApi<CorsState>(apiPath.cors(profile, bucket), {
    method: 'PUT',
    headers: { 'if-match': `"${version}"` },
    body: JSON.stringify({ config }),
  });
  return data;
}

/** DELETE with If-Match (DeleteBucketCors). */
export async function deleteCors(profile: string, bucket: string, version: string): Promise<CorsState> {
  const { data } = await callApi<CorsState>(apiPath.cors(profile, bucket), { method: 'DELETE', headers: { 'if-match': `"${version}"` } });
  return data;
}
