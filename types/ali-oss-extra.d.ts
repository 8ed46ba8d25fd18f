// What @types/ali-oss leaves out: the client's own signed-request method (ali-oss 6.x
// lib/client.js `request`, built by lib/common/utils/createRequest.js). The OSS adapter uses it for
// the `?cors` calls the typed API cannot make: getBucketCORS drops <ResponseVary> and
// putBucketCORS cannot send it. Only the parameters the adapter passes are declared.
import 'ali-oss';

declare module 'ali-oss' {
  interface SignedRequestParams {
    method: 'GET' | 'PUT' | 'DELETE';
    bucket: string;
    /** Sub-resource, e.g. `cors`: sent as the query and signed as `/<bucket>/?cors`. */
    subres: string;
    headers?: Record<string, string>;
    /** The SDK adds Content-MD5 and Content-Length computed from these bytes. */
    content?: Buffer;
    /** Any other status is turned into a thrown error parsed from the OSS error document. */
    successStatuses: number[];
  }

  interface SignedResponse {
    status: number;
    headers: Record<string, string | string[] | undefined>;
    /** The body as urllib returns it (a Buffer). */
    data: unknown;
  }

  interface SignedRequester {
    request(params: SignedRequestParams): Promise<SignedResponse>;
  }
}
