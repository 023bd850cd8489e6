/** The options page: note language, pinyin, which differences to mark, punctuation, site list. */
import { h } from '../shared/dom';
import { t } from '../shared/i18n';
import { DIFF_KINDS, readSettings, settings, watchSettings, type NoteLanguage } from '../shared/settings';
import { privacySection } from './privacy-view';
import { refreshVersions, versionsSection } from './versions-view';

/** The settings part, redrawn when settings change; the library below keeps its own state. */
async function render(root: HTMLElement): Promise<void> {
  const s = await readSettings();
  const check = (id: string, label: string, value: boolean, set: (v: boolean) => Promise<void>): HTMLElement => {
    const box = h('input', { attrs: { type: 'checkbox', id } });
    box.checked = value;
    box.addEventListener('change', () => void set(box.checked));
    return h('label', { class: 'row', attrs: { for: id } }, box, label);
  };
  /** A whole-number setting, kept within [min, max]. */
  const number = (id: string, label: string, value: number, min: number, max: number, set: (v: number) => Promise<void>): HTMLElement => {
    const box = h('input', { attrs: { type: 'number', id, min: String(min), max: String(max), step: '1' } });
    box.value = String(value);
    box.addEventListener('change', () => {
      const v = Math.round(Number(box.value));
      if (Number.isFinite(v) && v >= min && v <= max) void set(v);
      else box.value = String(value);
    });
    return h('label', { class: 'row', attrs: { for: id } }, label, ' ', box);
  };
  const lang = h(
    'select',
    { attrs: { id: 'noteLanguage' } },
    (['auto', 'en', 'zh'] as NoteLanguage[]).map((v) => {
      const o = h('option', { attrs: { value: v } }, v === 'auto' ? t('optLangAuto') : v === 'en' ? 'English' : '中文');
      o.selected = s.noteLanguage === v;
      return o;
    }),
  );
  lang.addEventListener('change', () => void settings.noteLanguage.setValue(lang.value as NoteLanguage));
  const sites = [
    ...s.disabledSites.map((x) => ({ site: x, what: t('optSiteOff'), item: settings.disabledSites })),
    ...s.extraSites.map((x) => ({ site: x, what: t('optSiteAdded'), item: settings.extraSites })),
  ];
  root.replaceChildren(
    h('h1', {}, t('optTitle')),
    h('h2', {}, t('optNoteLanguage')),
    lang,
    h('h2', {}, t('optDiffKinds')),
    ...DIFF_KINDS.map((k) =>
      check(`kind-${k}`, t(`optKind_${k}`), s.diffKinds[k], async (v) =>
        settings.diffKinds.setValue({ ...(await settings.diffKinds.getValue()), [k]: v }),
      ),
    ),
    check('showPunctuation', t('optShowPunctuation'), s.showPunctuation, (v) => settings.showPunctuation.setValue(v)),
    check('showPinyin', t('optShowPinyin'), s.showPinyin, (v) => settings.showPinyin.setValue(v)),
    h('h2', {}, t('optMemory')),
    h('p', { class: 'muted' }, t('memoryNotice')),
    check('rememberVersions', t('optRememberVersions'), s.rememberVersions, (v) => settings.rememberVersions.setValue(v)),
    number('memoryMaxArticles', t('optMemoryMaxArticles'), s.memoryMaxArticles, 100, 100_000, (v) =>
      settings.memoryMaxArticles.setValue(v),
    ),
    number('memoryMaxMB', t('optMemoryMaxMB'), s.memoryMaxMB, 10, 10_000, (v) => settings.memoryMaxMB.setValue(v)),
    ...(s.memoryExcludedSites.length
      ? [
          h('div', { class: 'label' }, t('optMemoryExcluded')),
          h(
            'ul',
            { class: 'list', attrs: { id: 'memory-excluded' } },
            s.memoryExcludedSites.map((site) =>
              h(
                'li',
                {},
                `${site} `,
                h(
                  'button',
                  { on: { click: () => void settings.memoryExcludedSites.setValue(s.memoryExcludedSites.filter((x) => x !== site)) } },
                  t('optRemove'),
                ),
              ),
            ),
          ),
        ]
      : []),
    h('h2', {}, t('optDictionary')),
    check('lookupOnHover', t('popupLookup'), s.lookupOnHover, (v) => settings.lookupOnHover.setValue(v)),
    check('toneColours', t('optToneColours'), s.toneColours, (v) => settings.toneColours.setValue(v)),
    h('p', { class: 'muted', attrs: { id: 'cedict-credit' } }, t('optDictionaryCredit')),
    h('h2', {}, t('optSites')),
    h('p', { class: 'muted' }, t('optSitesBuiltIn')),
    sites.length
      ? h(
          'ul',
          { class: 'list' },
          sites.map(({ site, what, item }) =>
            h(
              'li',
              {},
              `${site} (${what}) `,
              h(
                'button',
                { on: { click: () => void item.getValue().then((l) => item.setValue(l.filter((x) => x !== site))) } },
                t('optRemove'),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('optNoSites')),
  );
}

export async function start(root: HTMLElement): Promise<void> {
  const general = h('section');
  watchSettings(() => void render(general));
  // The settings are drawn before the page is, so the library below never moves under the reader's pointer.
  await render(general);
  root.replaceChildren(general, h('section', {}, ...versionsSection()), h('section', {}, ...privacySection(() => void refreshVersions())));
}
