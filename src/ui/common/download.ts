/** Saves bytes or text as a file through the browser's download (no network involved). */
export function download(name: string, data: string | Uint8Array, mime: string): void {
  const part: BlobPart = typeof data === 'string' ? data : data.slice().buffer;
  const url = URL.createObjectURL(new Blob([part], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name.replace(/[\\/:*?"<>|]/g, '_');
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
