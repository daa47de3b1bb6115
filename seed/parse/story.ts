/**
 * Building a Story value from parsed fields: the one place that sets id, pages and layout.
 */
import type { Story } from '../../model/types.js';
import { storyId } from './story-id.js';
import { clipTitle } from './text.js';

export type Layout = 'source-line' | 'takeaways' | 'newswire' | 'generic' | 'json';

export interface StoryFields {
  title: string;
  body: string;
  outlet?: string | null;
  published?: string | null;
  url?: string | null;
}

/** A Story for one page, or null when there is no usable title. */
export function makeStory(fields: StoryFields, page: string, layout: Layout, maxTitle = 300): Story | null {
  const title = clipTitle(fields.title, maxTitle);
  if (title === '') return null;
  const body = fields.body.trim();
  return {
    id: storyId(title, body),
    title,
    body,
    outlet: fields.outlet?.trim() || null,
    published: fields.published ?? null,
    url: fields.url?.trim() || null,
    pages: [page],
    layout,
  };
}
