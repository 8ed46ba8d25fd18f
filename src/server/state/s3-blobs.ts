import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import type { StateBlobs } from './state-blobs';

export interface S3StateLocation {
  profile: string;
  bucket: string;
  /** Key prefix without a trailing `/` ('' for the bucket's root). */
  prefix: string;
}

const isMissing = (error: unknown) => (error as { name?: string }).name === 'NoSuchKey' || (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

/**
 * State as objects in an S3 bucket under a prefix, so consoles on several machines share it. A
 * PutObject is atomic (a reader sees the old object or the new one), and history entries have
 * unique keys, so two consoles appending at once never overwrite each other's entries.
 */
export function createS3Blobs(config: S3ClientConfig, { profile, bucket, prefix }: S3StateLocation): StateBlobs {
  const client = new S3Client(config);
  const keyOf = (key: string) => (prefix ? `${prefix}/${key}` : key);
  const put = async (key: string, text: string) => {
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: keyOf(key), Body: text, ContentType: 'application/json' }));
  };
  return {
    backend: 's3',
    where: `s3://${profile}/${bucket}${prefix ? `/${prefix}` : ''}`,
    create: put,
    replace: put,
    async read(key) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: keyOf(key) }));
        return (await answer.Body?.transformToString('utf8')) ?? '';
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async list(folder, { startAfter, limit }) {
      const answer = await client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: `${keyOf(folder)}/`, Delimiter: '/', MaxKeys: limit, ...(startAfter ? { StartAfter: keyOf(startAfter) } : {}) }),
      );
      const strip = prefix ? prefix.length + 1 : 0;
      return (answer.Contents ?? []).flatMap((object) => (object.Key ? [object.Key.slice(strip)] : [])).sort();
    },
  };
}
