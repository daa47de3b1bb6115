/**
 * A tiny element builder. Strings always become text nodes: no data ever reaches innerHTML,
 * so nothing in a story, a name or an error message can inject markup or script.
 */
import { isAbsoluteHttpUrl } from '../../model/http-url.js';

export type Child = Node | string | number | null | undefined | false;

export interface Attrs {
  class?: string;
  title?: string;
  id?: string;
  type?: string;
  value?: string;
  placeholder?: string;
  href?: string;
  target?: string;
  rel?: string;
  for?: string;
  role?: string;
  name?: string;
  min?: string;
  max?: string;
  step?: string;
  checked?: boolean;
  disabled?: boolean;
  hidden?: boolean;
  tabIndex?: number;
  style?: Partial<CSSStyleDeclaration>;
  dataset?: Record<string, string>;
  aria?: Record<string, string>;
  on?: { [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void };
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    if (key === 'class') el.className = value as string;
    else if (key === 'style') Object.assign(el.style, value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'aria') for (const [k, v] of Object.entries(value as Record<string, string>)) el.setAttribute(`aria-${k}`, v);
    else if (key === 'on') {
      for (const [event, handler] of Object.entries(value as Record<string, EventListener>)) el.addEventListener(event, handler);
    } else if (key === 'href') {
      // Links from data go only to absolute http(s) URLs (the one rule of model/http-url.ts): a
      // `javascript:` URL in a story's url must not become clickable. The app's own links stay on this
      // origin: fragments, blobs and paths, but not `//host` or `/\host` (protocol-relative, away).
      const href = String(value);
      if (isAbsoluteHttpUrl(href) || /^(#|blob:|\/(?![/\\]))/i.test(href)) el.setAttribute('href', href);
    } else if (typeof value === 'boolean') {
      if (value) el.setAttribute(key, '');
      (el as unknown as Record<string, unknown>)[key] = value;
    } else if (key === 'value') (el as HTMLInputElement).value = String(value);
    else el.setAttribute(key === 'tabIndex' ? 'tabindex' : key, String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
}

/** Replaces an element's content with the given children (text or nodes). */
export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

export function $(selector: string, root: ParentNode = document): HTMLElement {
  const el = root.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`The page has no ${selector}`);
  return el;
}

export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

/** Starts a download of a Blob under a file name. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url });
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Shows a short message at the bottom of the window. */
export function toast(message: string, kind: 'info' | 'error' = 'info'): void {
  const host = document.getElementById('toasts');
  if (!host) return;
  const item = h('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, message);
  host.appendChild(item);
  setTimeout(() => item.remove(), kind === 'error' ? 8000 : 3500);
}
