/** The story-URL rule shared by ingest and the UI's links: absolute http(s) only. */
import { describe, expect, it } from 'vitest';
import { isAbsoluteHttpUrl, linkableUrl } from '../../model/http-url.js';
import { storyUrl } from '../../seed/parse/story.js';
import { parseJsonFile } from '../../seed/parse/json.js';

describe('isAbsoluteHttpUrl / linkableUrl', () => {
  it('accepts absolute http and https URLs', () => {
    for (const url of ['https://example.org', 'http://example.org/a?b=c#d', 'HTTPS://EXAMPLE.ORG/X', 'https://例え.jp/パス', 'https://127.0.0.1:8080/']) {
      expect(isAbsoluteHttpUrl(url), url).toBe(true);
      expect(linkableUrl(url)).toBe(url);
    }
  });

  it('refuses protocol-relative, script, data, relative and malformed URLs', () => {
    for (const url of ['//evil.example/path', '\\\\evil.example', 'javascript:alert(1)', ' javascript:alert(1)', 'java\nscript:alert(1)', 'data:text/html,x', 'vbscript:x',
      '/relative', 'relative/path', 'http:evil.example', 'https:/evil.example', 'https:///x', 'https://', 'https://exa mple.org', 'https://example.org/\nx', 'ftp://example.org', '']) {
      expect(isAbsoluteHttpUrl(url), JSON.stringify(url)).toBe(false);
      expect(linkableUrl(url)).toBeNull();
    }
    expect(linkableUrl(null)).toBeNull();
    expect(linkableUrl(undefined)).toBeNull();
  });

  it('story pages: www. gets https, anything else that is not absolute http(s) is dropped', () => {
    expect(storyUrl('www.example.org/a')).toBe('https://www.example.org/a');
    expect(storyUrl(' https://example.org/a ')).toBe('https://example.org/a');
    expect(storyUrl('//evil.example/path')).toBeNull();
    expect(storyUrl('javascript:alert(1)')).toBeNull();
  });

  it('a JSON file record with a bad url is reported by file and index, the others load', () => {
    const text = JSON.stringify([
      { title: 'Good', body: 'A body.', url: 'https://example.org/a' },
      { title: 'Bad', body: 'A body.', url: '//evil.example/path' },
    ]);
    const r = parseJsonFile('stories.json', text);
    expect(r.stories.map((s) => s.title)).toEqual(['Good']);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]!.message).toMatch(/stories\.json \[index 1\].*url: must be an absolute http/);
  });
});
