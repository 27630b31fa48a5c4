/**
 * Saves text as a file the way a link with `download` does, without a server round trip: the CSV
 * came through GraphQL with the signed-in token, which a plain link could not send. The file is
 * the API's text exactly: its byte order mark and `;` separator (toCsv, libs/common) are already
 * in it, so nothing is added here.
 */
export function downloadCsv(fileName: string, csv: string): void {
  downloadFile(fileName, csv, 'text/csv;charset=utf-8');
}

/** Any text as a file (a CSV, a JSON export), saved by the browser under fileName. */
export function downloadFile(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; give it a moment before letting the blob go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
