import type { DemoLesson } from '../../contract/api';
import type { CorsConfig } from '../../core';

/** A demo bucket that teaches something about CORS; its page says what (the web catalogue's demoLessonText). */
export interface DemoBucket {
  name: string;
  lesson: DemoLesson;
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
      lesson: 'direct-upload',
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
      lesson: 'no-cors',
      cors: null,
    },
    {
      name: 'demo-shadowed-etag',
      lesson: 'shadowed-etag',
      cors: {
        rules: [
          { id: 'everyone-reads-and-writes', allowedOrigins: ['*'], allowedMethods: ['GET', 'PUT'], allowedHeaders: [], exposeHeaders: [] },
          { id: 'uploads-need-etag', allowedOrigins: origins, allowedMethods: ['PUT'], allowedHeaders: ['content-type'], exposeHeaders: ['ETag'] },
        ],
      },
    },
  ];
}

/** The lesson of the embedded demo bucket named `bucket`, if it is one. */
export function demoLessonOf(bucket: string): DemoLesson | undefined {
  return demoBuckets([]).find((demo) => demo.name === bucket)?.lesson;
}

export const TEST_OBJECT = { key: 'test.txt', body: 'Hello from cors-console. Fetch me from the test pane.\n', contentType: 'text/plain' };
