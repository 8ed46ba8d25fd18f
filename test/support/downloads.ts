import { afterEach, beforeEach, vi } from 'vitest';

export interface RecordedDownload {
  fileName: string;
  blob: Blob;
}

/**
 * jsdom has no object URLs and no downloads: records what the page hands the browser (the file
 * name of the `<a download>` it clicks and the Blob behind its URL), fresh for every test.
 */
export function recordDownloads(): RecordedDownload[] {
  const downloads: RecordedDownload[] = [];
  const blobs = new Map<string, Blob>();
  beforeEach(() => {
    downloads.length = 0;
    URL.createObjectURL = (blob: Blob) => {
      const url = `blob:test/${blobs.size}`;
      blobs.set(url, blob);
      return url;
    };
    URL.revokeObjectURL = (url: string) => void blobs.delete(url);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ fileName: this.download, blob: blobs.get(this.getAttribute('href')!)! });
    });
  });
  afterEach(() => vi.restoreAllMocks());
  return downloads;
}
