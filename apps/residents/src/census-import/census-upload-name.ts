import { randomUUID } from 'node:crypto';

/**
 * The name an uploaded census file is stored under: `<uuid>-<original name>.csv`. Only the last
 * path segment of the original name is kept, and only letters, digits, `-` and `_` of it, so
 * the name can neither leave the uploads folder nor clash with another upload.
 */
export function censusUploadName(original: string | undefined, id: string = randomUUID()): string {
  const last = (original ?? '').split(/[\\/]/).pop() ?? '';
  const stem = last
    .normalize('NFC')
    .replace(/\.csv$/i, '')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${id}-${stem || 'census'}.csv`;
}

/** A header value may be percent-encoded (HTTP headers are ASCII); a bad escape is kept as sent. */
export function decodeHeaderName(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
