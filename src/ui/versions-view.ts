/**
 * The options page's versions library: import (files, drag-and-drop, pasted
 * text), list with search, view, rename, delete with undo, backup and restore.
 * Files are checked here in full before anything is sent to be stored; the
 * background stores them in one transaction.
 */
import type { UserVersion } from '../core/user-versions';
import { h } from '../shared/dom';
import { t } from '../shared/i18n';
import { versionFromPaste, versionsFromFiles, wordsFromFiles, type ImportMeta } from '../shared/import';
import type { VersionSummary } from '../shared/protocol';
import { htmlToArticle } from './html-text';
import { ask, download } from './library';

let status: HTMLElement;
let list: HTMLElement;
let query = '';

function say(msg: string, error = false, action?: HTMLElement): void {
  status.className = error ? 'error' : 'muted';
  status.replaceChildren(msg, ...(action ? [' ', action] : []));
}

async function importVersions(vs: UserVersion[]): Promise<void> {
  const r = await ask<{ added: number; total: number }>({ type: 'importVersions', versions: vs });
  say(t('libImported', r.added, r.total - r.added));
  await renderList();
}

async function importFiles(files: FileList | File[], meta: () => ImportMeta): Promise<void> {
  try {
    const read = await Promise.all([...files].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    const versions = versionsFromFiles(read, meta(), htmlToArticle, new Date());
    const words = wordsFromFiles(read);
    await importVersions(versions);
    if (words.length) await ask({ type: 'importWords', words });
  } catch (e) {
    say(`${t('libNothingImported')} ${(e as Error).message}`, true);
  }
}

function field(id: string, label: string, placeholder = ''): [HTMLLabelElement, HTMLInputElement] {
  const input = h('input', { attrs: { type: 'text', id, placeholder } });
  return [h('label', { attrs: { for: id } }, label), input];
}

export function versionsSection(): HTMLElement[] {
  status = h('p', { class: 'muted', attrs: { id: 'lib-status', role: 'status' } });
  list = h('ul', { class: 'list', attrs: { id: 'lib-list' } });
  const [lt, title] = field('imp-title', t('libTitle'));
  const [lo, outlet] = field('imp-outlet', t('libOutlet'));
  const [ld, date] = field('imp-date', t('libDate'), 'YYYY-MM-DD');
  const meta = (): ImportMeta => ({ title: title.value, outlet: outlet.value, date: date.value });
  const picker = h('input', {
    attrs: { type: 'file', id: 'imp-files', multiple: '', accept: '.txt,.html,.htm,.json,text/plain,text/html,application/json' },
  });
  picker.addEventListener('change', () => void (picker.files && importFiles(picker.files, meta).then(() => (picker.value = ''))));
  const drop = h('div', { class: 'drop', attrs: { id: 'imp-drop' } }, t('libDrop'));
  drop.addEventListener('dragover', (e) => (e.preventDefault(), drop.classList.add('over')));
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    if (e.dataTransfer?.files.length) void importFiles(e.dataTransfer.files, meta);
  });
  const paste = h('textarea', { attrs: { id: 'imp-paste', placeholder: t('libPastePlaceholder') } });
  const pasteButton = h(
    'button',
    {
      attrs: { id: 'imp-paste-button' },
      on: {
        click: () =>
          void (async () => {
            try {
              await importVersions([versionFromPaste(paste.value, meta(), new Date())]);
              paste.value = '';
            } catch (e) {
              say(`${t('libNothingImported')} ${(e as Error).message}`, true);
            }
          })(),
      },
    },
    t('libImportPaste'),
  );
  const search = h('input', { attrs: { type: 'search', id: 'lib-search', placeholder: t('libSearch') } });
  search.addEventListener('input', () => ((query = search.value.trim()), void renderList()));
  const exportButton = h(
    'button',
    {
      attrs: { id: 'lib-export' },
      on: {
        click: () =>
          void ask<unknown>({ type: 'exportBackup' }).then(
            (b) => download(`tifa-versions-${new Date().toISOString().slice(0, 10)}.json`, JSON.stringify(b, null, 2), 'application/json'),
            (e: Error) => say(e.message, true),
          ),
      },
    },
    t('libExport'),
  );
  void renderList();
  return [
    h('h2', {}, t('libHeading')),
    h('p', { class: 'muted' }, t('libIntro')),
    h('div', { class: 'fields' }, lt, title, lo, outlet, ld, date),
    h('p', {}, h('label', { attrs: { for: 'imp-files' } }, t('libFiles')), ' ', picker),
    drop,
    paste,
    h('p', {}, pasteButton),
    status,
    h('h3', {}, t('libYourVersions')),
    h('p', {}, search, ' ', exportButton, ' ', h('span', { class: 'muted' }, t('libRestoreHint'))),
    list,
  ];
}

/** Redraw the list (after something else changed the library, e.g. "Erase everything"). */
export const refreshVersions = (): Promise<void> => renderList();

async function renderList(): Promise<void> {
  let all: VersionSummary[];
  try {
    all = await ask<VersionSummary[]>({ type: 'listVersions' });
  } catch (e) {
    say((e as Error).message, true);
    return;
  }
  const q = query.toLowerCase();
  const shown = q ? all.filter((v) => `${v.title} ${v.outlet} ${v.url} ${v.date}`.toLowerCase().includes(q)) : all;
  list.replaceChildren(...(shown.length ? shown.map(item) : [h('li', { class: 'muted' }, all.length ? t('libNoMatch') : t('libEmpty'))]));
}

function item(v: VersionSummary): HTMLLIElement {
  const li = h('li', { attrs: { 'data-id': v.id } });
  const body = (): void => {
    li.replaceChildren(
      h('div', {}, h('b', {}, v.title)),
      h(
        'div',
        { class: 'muted' },
        [v.outlet, v.date, t(`origin_${v.origin}`), t('libChars', v.characters), v.url].filter(Boolean).join(' · '),
      ),
      h(
        'div',
        {},
        h('button', { on: { click: () => void view() } }, t('libView')),
        ' ',
        h('button', { on: { click: rename } }, t('libRename')),
        ' ',
        h('button', { on: { click: () => void remove() } }, t('libDelete')),
      ),
    );
  };
  const view = async (): Promise<void> => {
    const full = await ask<UserVersion | null>({ type: 'getVersion', id: v.id });
    if (full) li.append(h('pre', { class: 'text' }, full.text));
  };
  const rename = (): void => {
    const input = h('input', { attrs: { type: 'text', value: v.title, 'aria-label': t('libRename') } });
    const save = async (): Promise<void> => {
      try {
        await ask({ type: 'renameVersion', id: v.id, title: input.value });
        await renderList();
      } catch (e) {
        say((e as Error).message, true);
      }
    };
    li.replaceChildren(
      input,
      ' ',
      h('button', { on: { click: () => void save() } }, t('libSave')),
      ' ',
      h('button', { on: { click: body } }, t('libCancel')),
    );
    input.focus();
  };
  const remove = async (): Promise<void> => {
    const gone = await ask<UserVersion | null>({ type: 'deleteVersion', id: v.id });
    await renderList();
    if (gone)
      say(
        t('libDeleted', gone.title),
        false,
        h('button', { attrs: { id: 'lib-undo' }, on: { click: () => void importVersions([gone]) } }, t('panelUndo')),
      );
  };
  body();
  return li;
}
