/** The help overlay: every command with its shortcut, generated from the registry. */
import { commands, describeShortcut } from '../commands.js';
import { fill, h } from '../dom.js';

export function helpDialog(): HTMLDialogElement {
  const dialog = h('dialog', { id: 'help', class: 'help' });
  dialog.addEventListener('click', (e) => e.target === dialog && dialog.close());
  return dialog;
}

export function showHelp(dialog: HTMLDialogElement): void {
  fill(
    dialog,
    h('h2', {}, 'Keyboard and mouse'),
    h(
      'table',
      {},
      ...commands()
        .filter((c) => c.shortcut?.length)
        .map((c) => h('tr', {}, h('td', {}, ...c.shortcut!.flatMap((s, i) => [i ? ' or ' : '', h('kbd', {}, describeShortcut(s))])), h('td', {}, c.title))),
      h('tr', {}, h('td', {}, 'double-click'), h('td', {}, 'expand a node')),
      h('tr', {}, h('td', {}, 'Shift + click / Shift + drag'), h('td', {}, 'add to the selection / select a box')),
      h('tr', {}, h('td', {}, 'click an edge'), h('td', {}, 'read the quotes that support it')),
    ),
    h('p', {}, h('button', { type: 'button', on: { click: () => dialog.close() } }, 'Close')),
  );
  if (!dialog.open) dialog.showModal();
}
