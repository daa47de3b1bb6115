/**
 * The one rule for story URLs, shared by ingest (zod) and the UI (links): an absolute http or https
 * URL with a host. Anything else — `//evil.example/path` (protocol-relative: takes the page's
 * scheme and goes to another host), `javascript:…`, `data:…`, relative paths, `http:host` without
 * the slashes — is never stored as a story's link nor rendered as one.
 */
const ABSOLUTE_HTTP = /^https?:\/\/[^\s/?#\\]+/i;

export function isAbsoluteHttpUrl(text: string): boolean {
  if (!ABSOLUTE_HTTP.test(text) || /[\s\u0000-\u001f\u007f]/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The URL when it may be a link, else null. */
export function linkableUrl(text: string | null | undefined): string | null {
  return typeof text === 'string' && isAbsoluteHttpUrl(text) ? text : null;
}
