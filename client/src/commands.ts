/**
 * User commands as registered objects (name, run, shortcut, enabled). Toolbar buttons, keyboard
 * shortcuts and the help overlay are all generated from this registry.
 */
export interface Command {
  id: string;
  /** What the button and the help overlay say. */
  title: string;
  /** Keys as KeyboardEvent.key values ('f', 'Delete', '?'); a leading 'Shift+' or 'Mod+' adds modifiers. */
  shortcut?: string[];
  /** Short text for toolbar buttons; commands without one are not on the toolbar. */
  button?: string;
  run: () => void | Promise<void>;
  /** False greys out its button and ignores its shortcut. */
  enabled?: () => boolean;
}

const registry = new Map<string, Command>();
const changeListeners = new Set<() => void>();

export function register(...commands: Command[]): void {
  for (const c of commands) registry.set(c.id, c);
}

export function commands(): Command[] {
  return [...registry.values()];
}

export function isEnabled(c: Command): boolean {
  return c.enabled ? c.enabled() : true;
}

export async function run(id: string): Promise<void> {
  const c = registry.get(id);
  if (!c) throw new Error(`No command ${id}`);
  if (!isEnabled(c)) return;
  await c.run();
}

/** Call when something that `enabled` depends on changed; buttons refresh. */
export function commandsChanged(): void {
  for (const l of changeListeners) l();
}

export function onCommandsChanged(listener: () => void): void {
  changeListeners.add(listener);
}

export function matches(shortcut: string, e: KeyboardEvent): boolean {
  const parts = shortcut.split('+');
  const key = parts.pop()!;
  const mod = parts.includes('Mod');
  const shift = parts.includes('Shift');
  if (mod !== (e.ctrlKey || e.metaKey) || e.altKey) return false;
  if (key.length > 1 && shift !== e.shiftKey) return false;
  return e.key === key;
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || !!el.closest('.cm-editor');
}

/** Dispatches shortcuts to commands, except while the analyst is typing in a field. */
export function bindKeys(target: Document = document): void {
  target.addEventListener('keydown', (e) => {
    if (typing(e.target) && e.key !== 'Escape') return;
    for (const c of registry.values()) {
      if (!c.shortcut?.some((s) => matches(s, e))) continue;
      if (!isEnabled(c)) return;
      e.preventDefault();
      void c.run();
      return;
    }
  });
}

/** "Shift+Delete" → "Shift + Del" for the help overlay. */
export function describeShortcut(s: string): string {
  return s.replace('Mod', navigator.platform.includes('Mac') ? '⌘' : 'Ctrl').replace('Delete', 'Del').replace(/\+/g, ' + ');
}
