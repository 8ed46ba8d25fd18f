import type { CorsConfig } from '../../core';

/** A demo bucket that teaches something about CORS. */
export interface DemoBucket {
  name: string;
  lesson: string;
  cors: CorsConfig | null;
}

/**
 * The demo buckets of the embedded s3rver. `appOrigins` are the console's own origins, so the
 * test pane's requests from the console are allowed where the lesson wants them to be.
 */
export function demoBuckets(appOrigins: string[]): DemoBucket[] {
  const origins = [...appOrigins, 'https://app.example.com'];
  return [
    {
      name: 'demo-direct-upload',
      lesson:
        'A realistic direct-upload setup. Order matters: the app rule comes before the public-read rule, ' +
        'so the app gets its origin echoed (credentials work) and can read ETag; moved below "public-read", its GETs would get * instead. ' +
        'One rule serves the app\'s uploads and downloads: Ceph RGW answers with the first rule listing the origin, whatever the method.',
      cors: {
        rules: [
          {
            id: 'app',
            allowedOrigins: origins,
            allowedMethods: ['PUT', 'POST', 'GET', 'HEAD'],
            allowedHeaders: ['content-type', 'content-md5', 'x-amz-*', 'range', 'if-none-match'],
            exposeHeaders: ['ETag', 'x-amz-request-id', 'x-amz-version-id', 'Content-Range', 'Accept-Ranges'],
            maxAgeSeconds: 3000,
          },
          { id: 'public-read', allowedOrigins: ['*'], allowedMethods: ['GET', 'HEAD'], allowedHeaders: [], exposeHeaders: [], maxAgeSeconds: 600 },
        ],
      },
    },
    {
      name: 'demo-no-cors',
      lesson: 'No CORS configuration: every preflight is refused and browsers block script from reading any response.',
      cors: null,
    },
    {
      name: 'demo-shadowed-etag',
      lesson:
        'The classic failure: the first rule (any origin, GET and PUT, no expose headers) answers every actual upload, ' +
        'because an actual PUT carries no Access-Control-Request-Headers; the second rule, which exposes ETag, only ever answers preflights. Multipart uploads then fail to read ETag.',
      cors: {
        rules: [
          { id: 'everyone-reads-and-writes', allowedOrigins: ['*'], allowedMethods: ['GET', 'PUT'], allowedHeaders: [], exposeHeaders: [] },
          { id: 'uploads-need-etag', allowedOrigins: origins, allowedMethods: ['PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'] },
        ],
      },
    },
  ];
}

export const TEST_OBJECT = { key: 'test.txt', body: 'Hello from cors-console. Fetch me from the test pane.\n', contentType: 'text/plain' };
