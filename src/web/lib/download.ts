/** A file the browser saves, made in the page: nothing goes through the server. */
export interface DownloadFile {
  fileName: string;
  text: string;
  mimeType: string;
}

// Chromium reads the object URL after click() returns, so it is revoked a while later.
const REVOKE_AFTER_MS = 60_000;

/** Starts the browser's download of `file` through a Blob and an `<a download>`. */
export function downloadFile(file: DownloadFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
