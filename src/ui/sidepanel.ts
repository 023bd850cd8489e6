/**
 * The side panel: the matched article and its versions, differences grouped
 * by kind (click to jump), terms with their notes, and a compare view.
 */
import { browser } from 'wxt/browser';
import type { PublicEntry } from '../core/glossary';
import { h } from '../shared/dom';
import { t, uiIsChinese } from '../shared/i18n';
import { receive, ToPanels, type PageResult } from '../shared/protocol';
import { readSettings, watchSettings, type SettingsSnapshot } from '../shared/settings';
import { compareSegments, groupDifferences, KINDS } from './panel-model';
import { activeTab, tabResult } from './tab';

let root: HTMLElement;
let tabId = -1;
let compareWith = '';

function reveal(target: 'difference' | 'term', index: number): void {
  void browser.tabs.sendMessage(tabId, { type: 'reveal', target, index }).catch(() => undefined);
}

/** A list item that jumps to its mark on click or Enter. */
function jumpItem(target: 'difference' | 'term', index: number, ...children: (Node | string | null)[]): HTMLLIElement {
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
          h('div', { class: 'muted' }, `${v?.outlet ?? ''} · ${v?.date ?? ''} · ${m.versionId}`),
          h('div', { class: 'muted' }, m.score === 1 ? t('panelSameText') : t('panelAlike', Math.round(m.score * 100), m.start, m.end)),
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
              `${t('panelVs', d.versionId.slice(0, 3))} · ${t(`cat_${d.category}`)}`,
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
        return jumpItem(
          'term',
          i,
          h('div', {}, h('span', { class: 'term' }, e.term), h('span', { class: 'py' }, e.pinyin), e.english),
          h('div', { class: 'muted' }, zh ? e.explanationZh : e.explanationEn),
        );
      }),
    ),
  ];
}

function compareSection(r: PageResult, s: SettingsSnapshot): HTMLElement[] {
  const others = r.annotations.matches.filter((m) => m.score < 1);
  if (!others.length) return [];
  if (!others.some((m) => m.versionId === compareWith)) compareWith = others[0]!.versionId;
  const select = h(
    'select',
    { on: { change: (e) => ((compareWith = (e.target as HTMLSelectElement).value), void refresh()) } },
    others.map((m) => {
      const o = h('option', { attrs: { value: m.versionId } }, `${m.versionId} — ${m.title.slice(0, 24)}`);
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
  const [r, s] = await Promise.all([tab ? tabResult(tab.id) : undefined, readSettings()]);
  const zh = s.noteLanguage === 'zh' || (s.noteLanguage === 'auto' && uiIsChinese());
  const nothing = !r || (!r.annotations.matches.length && !r.annotations.terms.length);
  root.replaceChildren(
    h('h1', {}, t('panelTitle')),
    ...(nothing
      ? [h('p', { class: 'muted' }, t('panelNothing'))]
      : [...versionsSection(r), ...differencesSection(r, s), ...termsSection(r, zh), ...compareSection(r, s)]),
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
