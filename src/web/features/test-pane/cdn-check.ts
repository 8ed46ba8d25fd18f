import { performFetch, type FetchOutcome } from '../../lib/browser-fetch';

/** What this browser saw through the public URL: an `<img>` first, then a fetch() of the same URL. */
export interface ImageThenFetch {
  url: string;
  /** The `<img>` request was answered with something the browser showed as an image, or not (sent either way). */
  image: 'loaded' | 'not-an-image';
  /** The fetch() after it, past this browser's own cache (`no-store`), so the CDN or proxy answers. */
  fetch: FetchOutcome;
}

/**
 * The failure people meet in production: a page shows the object in an `<img>` (no Origin, so the
 * cache keeps an answer without Access-Control-Allow-Origin), then script fetches the same URL
 * and is blocked by that cached answer. The fetch skips this browser's own cache, which the
 * "browser cache" demo covers, so what answers it is the cache in front of the bucket.
 */
export async function imageThenFetch(url: string): Promise<ImageThenFetch> {
  const image = await new Promise<ImageThenFetch['image']>((resolve) => {
    const element = new Image();
    element.onload = () => resolve('loaded');
    element.onerror = () => resolve('not-an-image');
    element.src = url;
  });
  const fetched = await performFetch({ url, method: 'GET', headers: {}, credentials: 'omit', cache: 'no-store' });
  return { url, image, fetch: fetched };
}
