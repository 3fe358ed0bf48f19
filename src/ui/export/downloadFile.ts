/** Saves `blob` as a file named `fileName` through a temporary object URL and `<a download>`, without any request. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Saves `text` as a UTF-8 file named `fileName`. */
export function downloadText(text: string, fileName: string, type = 'application/yaml'): void {
  downloadBlob(new Blob([text], { type: `${type};charset=utf-8` }), fileName);
}
