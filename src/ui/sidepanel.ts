/**
 * The side panel: the matched article and its versions, differences grouped
 * by kind (click to jump), terms with their notes, and a compare view.
 */
import { browser } from 'wxt/browser';
import type { PublicEntry } from '../core/glossary';
import { h } from '../shared/dom';
import { t, uiIsChinese } from '../shared/i18n';
import { receive, sameAs, ToPanels, type PageResult } from '../shared/protocol';
import { readSettings, watchSettings, type SettingsSnapshot } from '../shared/settings';
import { copyText } from '../shared/copy';
import { termMore } from '../shared/term-note';
import { memorySection } from './memory-view';
import { wordsSection } from './words-view';
import { ankiTsv, markdownReport, termsCsv, type ExportContext } from '../core/exports';
import { exportRow } from './export-row';
import { ask, saveTab } from './library';
import { compareSegments, groupDifferences, KINDS, versionLabel } from './panel-model';
import { activeTab, tabResult } from './tab';

let root: HTMLElement;
let tabId = -1;
let tabUrl = '';
/** The frame the shown result came from (an article can sit in an iframe). */
let frameId = 0;
let compareWith = '';
/** A line of feedback after an action (saved, copied, error), kept across refreshes. */
let notice = '';

function reveal(target: 'difference' | 'term' | 'candidate', index: number): void {
  void browser.tabs.sendMessage(tabId, { type: 'reveal', target, index }, { frameId }).catch(() => undefined);
}

/** A list item that jumps to its mark on click or Enter. */
function jumpItem(target: 'difference' | 'term' | 'candidate', index: number, ...children: (Node | string | null)[]): HTMLLIElement {
  const go = (): void => reveal(target, index);
  const li = h(
    'li',
    {
      class: 'jump',
      attrs: { tabindex: '0', role: 'button' },
      on: { click: go, keydown: (e) => (e as KeyboardEvent).key === 'Enter' && go() },
    },
    ...children,
  );
  return li;
}

function versionsSection(r: PageResult): HTMLElement[] {
  const meta = new Map(r.versions.map((v) => [v.id, v]));
  return [
    h('h2', {}, t('panelVersions', r.annotations.matches.length)),
    h(
      'ul',
      { class: 'list' },
      r.annotations.matches.map((m) => {
        const v = meta.get(m.versionId);
        return h(
          'li',
          {},
          h('div', {}, m.title),
          h(
            'div',
            { class: 'muted' },
            [v?.outlet, v?.readOn ? t('panelReadOn', v.readOn) : v?.date, v?.url || m.versionId].filter(Boolean).join(' · '),
          ),
          h(
            'div',
            { class: 'muted' },
            sameAs(r, m.versionId) ? t('panelSameText') : t('panelAlike', Math.floor(m.score * 100), m.start, m.end),
          ),
        );
      }),
    ),
  ];
}

function differencesSection(r: PageResult, s: SettingsSnapshot): HTMLElement[] {
  const groups = groupDifferences(r, s);
  const total = [...groups.values()].reduce((n, g) => n + g.length, 0);
  const out: HTMLElement[] = [h('h2', {}, t('panelDifferences', total))];
  if (!total) out.push(h('p', { class: 'muted' }, t('panelNoDifferences')));
  for (const kind of KINDS) {
    const items = groups.get(kind)!;
    if (!items.length) continue;
    out.push(h('h3', {}, `${t(`kind_${kind}`)} (${items.length})`));
    out.push(
      h(
        'ul',
        { class: 'list' },
        items.map(({ index, d, before, after }) =>
          jumpItem(
            'difference',
            index,
            h('div', { class: 'ctx' }, `…${before}`, h('mark', {}, d.pageText || '‸'), `${after}…`),
            h(
              'div',
              { class: 'muted' },
              `${t('panelVs', versionLabel(r, d.versionId))} · ${t(`cat_${d.category}`)}`,
              d.kind === 'moved'
                ? ` · ${t('panelMovedNote', d.otherStart)}`
                : d.otherText
                  ? ` · ${t('panelWas', d.otherText.slice(0, 80))}`
                  : '',
            ),
          ),
        ),
      ),
    );
  }
  return out;
}

function termsSection(r: PageResult, zh: boolean): HTMLElement[] {
  const seen = new Map<string, number>();
  r.annotations.terms.forEach((x, i) => seen.has(x.termId) || seen.set(x.termId, i));
  return [
    h('h2', {}, t('panelTerms', seen.size)),
    h(
      'ul',
      { class: 'list' },
      [...seen].map(([id, i]) => {
        const e = r.entries[id] as PublicEntry | undefined;
        if (!e) return null;
        const traditional = r.annotations.terms[i]?.traditional === true;
        // The full note opens in place; opening it is not a jump to the term.
        const more = termMore(e, r.entries, zh, traditional);
        more.addEventListener('click', (ev) => ev.stopPropagation());
        return jumpItem(
          'term',
          i,
          h('div', {}, h('span', { class: 'term' }, traditional ? e.traditional : e.term), h('span', { class: 'py' }, e.pinyin), e.english),
          h('div', { class: 'muted' }, e.gist),
          more,
        );
      }),
    ),
  ];
}

/** Numbered formulations the glossary does not hold: each jumps to its place, and can be copied. */
function candidatesSection(r: PageResult): HTMLElement[] {
  const c = r.annotations.candidates;
  if (!c.length) return [];
  const copyAll = h('button', { attrs: { id: 'copy-candidates', type: 'button' } }, t('cardCopy'));
  copyAll.addEventListener('click', () => {
    const text = [...new Set(c.map((x) => x.text))].join('\n');
    void copyText(text).then((ok) => (copyAll.textContent = t(ok ? 'cardCopied' : 'cardCopyFailed')));
  });
  return [
    h('h2', {}, t('panelCandidates', c.length)),
    h(
      'ul',
      { class: 'list', attrs: { id: 'candidates' } },
      c.map((x, i) => jumpItem('candidate', i, h('span', { class: 'term' }, x.text))),
    ),
    copyAll,
  ];
}

function actionsSection(r: PageResult | undefined): HTMLElement[] {
  const out: HTMLElement[] = [];
  if (r?.remembered) {
    const id = r.remembered.id;
    out.push(
      h(
        'p',
        { class: 'note', attrs: { id: 'remembered' } },
        t('panelRemembered', r.remembered.title),
        ' ',
        h(
          'button',
          { on: { click: () => void act(async () => (await ask({ type: 'deleteVersion', id }), t('panelUndone'))) } },
          t('panelUndo'),
        ),
      ),
    );
  }
  out.push(
    h(
      'p',
      {},
      h(
        'button',
        {
          attrs: { id: 'save' },
          on: { click: () => void act(async () => ((await saveTab(tabId, tabUrl, r)).added ? t('panelSaved') : t('panelAlreadySaved'))) },
        },
        t('panelSave'),
      ),
    ),
  );
  if (notice) out.push(h('p', { class: 'muted', attrs: { id: 'notice', role: 'status' } }, notice));
  return out;
}

/** Run a reader action; its message (or error) is shown under the buttons. */
async function act(fn: () => Promise<string>): Promise<void> {
  try {
    notice = await fn();
  } catch (e) {
    notice = (e as Error).message;
  }
  await refresh();
}

const FORMATS = [
  { id: 'anki', label: 'exportAnki', file: 'tifa-terms.tsv', type: 'text/tab-separated-values' },
  { id: 'csv', label: 'exportCsv', file: 'tifa-terms.csv', type: 'text/csv' },
  { id: 'markdown', label: 'exportMarkdown', file: 'tifa-report.md', type: 'text/markdown' },
  { id: 'json', label: 'exportJson', file: 'tifa-differences.json', type: 'application/json' },
] as const;

function exportText(id: (typeof FORMATS)[number]['id'], r: PageResult, zh: boolean): string {
  const c: ExportContext = {
    annotations: r.annotations,
    entries: r.entries as unknown as ExportContext['entries'],
    versions: r.versions,
    url: r.url,
    title: r.title,
    usage: r.usage,
    zh,
  };
  if (id === 'anki') return ankiTsv(c);
  if (id === 'csv') return termsCsv(c);
  if (id === 'markdown') return markdownReport(c);
  return JSON.stringify(r.annotations, null, 2);
}

function exportSection(r: PageResult, zh: boolean): HTMLElement[] {
  return [
    h('h2', {}, t('panelExport')),
    h(
      'ul',
      { class: 'list' },
      FORMATS.map(({ id, ...f }) => exportRow({ attr: ['data-format', id], ...f, make: () => exportText(id, r, zh) })),
    ),
  ];
}

function usageSection(r: PageResult): HTMLElement[] {
  const ids = r.annotations.matches.map((m) => m.versionId);
  if (!ids.length || !r.usage.length) return [];
  const mixed = r.usage.filter((u) => u.notInVersions.length || !u.onPage);
  const rows = [...mixed, ...r.usage.filter((u) => !mixed.includes(u))];
  return [
    h('h2', {}, t('panelUsage')),
    h('p', { class: 'muted' }, t('panelUsageHint')),
    h(
      'table',
      { class: 'usage' },
      h(
        'tr',
        {},
        h('th', {}, ''),
        h('th', {}, t('cardThisPage')),
        ids.map((id) => h('th', { title: id }, versionLabel(r, id))),
      ),
      rows.map((u) =>
        h(
          'tr',
          {},
          h('td', {}, (r.entries[u.termId] as PublicEntry | undefined)?.term ?? u.termId),
          h('td', {}, u.onPage ? '✓' : '—'),
          ids.map((id) => h('td', {}, u.inVersions.includes(id) ? '✓' : '—')),
        ),
      ),
    ),
  ];
}

function compareSection(r: PageResult, s: SettingsSnapshot): HTMLElement[] {
  const others = r.annotations.matches.filter((m) => !sameAs(r, m.versionId));
  if (!others.length) return [];
  if (!others.some((m) => m.versionId === compareWith)) compareWith = others[0]!.versionId;
  const select = h(
    'select',
    { on: { change: (e) => ((compareWith = (e.target as HTMLSelectElement).value), void refresh()) } },
    others.map((m) => {
      const o = h('option', { attrs: { value: m.versionId } }, `${versionLabel(r, m.versionId)} — ${m.title.slice(0, 24)}`);
      o.selected = m.versionId === compareWith;
      return o;
    }),
  );
  const body = h(
    'div',
    { class: 'compare' },
    compareSegments(r, compareWith, s).map((seg) => {
      if (seg.type === 'same') return seg.text;
      const click = { click: () => reveal('difference', seg.index) };
      if (seg.type === 'page') return h('ins', { on: click }, seg.text);
      if (seg.type === 'version') return h('del', { on: click }, seg.text);
      return h('span', { class: 'moved', title: t('panelMovedNote', `…${seg.otherBefore}`), on: click }, seg.text);
    }),
  );
  return [h('h2', {}, t('panelCompare')), select, h('p', { class: 'muted' }, t('panelCompareHint')), body];
}

async function refresh(): Promise<void> {
  const tab = await activeTab();
  tabId = tab?.id ?? -1;
  tabUrl = tab?.url ?? '';
  const [r, s] = await Promise.all([tab ? tabResult(tab.id) : undefined, readSettings()]);
  frameId = r?.frameId ?? 0;
  const zh = s.noteLanguage === 'zh' || (s.noteLanguage === 'auto' && uiIsChinese());
  const nothing = !r || (!r.annotations.matches.length && !r.annotations.terms.length);
  const words = await wordsSection(s.toneColours, () => void refresh());
  root.replaceChildren(
    h('h1', {}, t('panelTitle')),
    ...memorySection(r, s, () => void refresh()),
    ...actionsSection(r),
    ...(nothing
      ? [h('p', { class: 'muted' }, t('panelNothing'))]
      : [
          ...versionsSection(r),
          ...differencesSection(r, s),
          ...termsSection(r, zh),
          ...candidatesSection(r),
          ...usageSection(r),
          ...exportSection(r, zh),
          ...compareSection(r, s),
        ]),
    ...words,
  );
}

export async function start(el: HTMLElement): Promise<void> {
  root = el;
  browser.runtime.onMessage.addListener((raw: unknown, sender: { id?: string }) => {
    const msg = receive(ToPanels, raw, sender, browser.runtime.id);
    if (msg?.tabId === tabId) void refresh();
  });
  browser.tabs.onActivated.addListener(() => void refresh());
  watchSettings(() => void refresh());
  await refresh();
}
