/**
 * Building a Story value from parsed fields: the one place that sets id, pages and layout.
 */
import type { Story } from '../../model/types.js';
import { storyId } from './story-id.js';
import { clipTitle } from './text.js';
import { linkableUrl } from '../../model/http-url.js';

/** A layout name ('json' for story records); the page layouts are listed in layouts/index.ts. */
type Layout = string;

export interface StoryFields {
  title: string;
  body: string;
  outlet?: string | null;
  published?: string | null;
  url?: string | null;
}

/**
 * A story's link: an absolute http(s) URL, else none. Text pages give `www.…` without a scheme;
 * that is the web's https. Everything else (`//host/…`, `javascript:…`, relative paths) is dropped.
 */
export function storyUrl(url: string | null | undefined): string | null {
  const trimmed = url?.trim() ?? '';
  if (/^www\./i.test(trimmed)) return linkableUrl(`https://${trimmed}`);
  return linkableUrl(trimmed);
}

/**
 * A Story for one page, or null when there is no usable title. Text layouts pass their title
 * through clipTitle (a misparse must not make a 10 kB headline) and trim the body's edges;
 * `exact` (JSON input) keeps title and body character for character as given.
 */
export function makeStory(fields: StoryFields, page: string, layout: Layout, maxTitle = 300, exact = false): Story | null {
  const title = exact ? fields.title : clipTitle(fields.title, maxTitle);
  if (title.trim() === '') return null;
  const body = exact ? fields.body : fields.body.trim();
  return {
    id: storyId(title, body),
    title,
    body,
    outlet: fields.outlet?.trim() || null,
    published: fields.published ?? null,
    url: storyUrl(fields.url),
    pages: [page],
    layout,
  };
}
