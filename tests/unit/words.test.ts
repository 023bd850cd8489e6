/**
 * The word list: records made from dictionary entries, validated wherever
 * they are read, exported for Anki (TSV) and as CSV, kept in backups; bad
 * records refused with a clear message.
 */
import { describe, expect, it } from 'vitest';
import { loadDictionary } from '../../src/cli/dictionary-data';
import { rowsCsv, rowsTsv } from '../../src/core/exports';
import { makeBackup, parseBackup } from '../../src/core/user-versions';
import { checkWord, wordFrom, wordRows } from '../../src/core/words';

const dict = loadDictionary();
const where = { sentence: '外卖骑手在驿站歇脚，喝上一口热水。', url: 'http://www.news.cn/a.html', title: '骑手驿站' };
const rider = wordFrom(dict.lookup('骑手')[0], where);
const takeout = wordFrom(dict.lookup('外卖')[0], where);

describe('word list records', () => {
  it('are made from a dictionary entry and the sentence it was met in', () => {
    const r = checkWord(rider);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.word).toMatchObject({ id: 'word:骑手|qí shǒu', simplified: '骑手', traditional: '騎手', pinyin: 'qí shǒu', url: where.url });
    expect(r.word.sentence).toBe(where.sentence);
    expect(r.word.definitions).toContain('jockey');
  });

  it.each([
    ['not an object', 'word'],
    ['no id', { ...(rider as object), id: undefined }],
    ['a foreign id', { ...(rider as object), id: 'user-x' }],
    ['definitions that are not text', { ...(rider as object), definitions: [1, 2] }],
    ['an unknown field', { ...(rider as object), colour: 'red' }],
    ['an overlong sentence', { ...(rider as object), sentence: '句'.repeat(1001) }],
  ])('refuse %s', (_what, bad) => {
    const r = checkWord(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatch(/\w/);
  });

  it('a starred entry that is not a dictionary entry is refused', () => {
    expect(checkWord(wordFrom({ simplified: '骑手' }, where)).ok).toBe(false);
  });
});

describe('word list exports and backups', () => {
  const words = [checkWord(takeout), checkWord(rider)].flatMap((r) => (r.ok ? [r.word] : []));

  it('exports for Anki (TSV with its headers) and as CSV, one row per word with the sentence and address', () => {
    const tsv = rowsTsv(wordRows(words));
    expect(tsv.split('\n').slice(0, 3)).toEqual([
      '#separator:tab',
      '#html:false',
      '#columns:Term\tPinyin\tEnglish\tExplanation\tSentence\tSource',
    ]);
    expect(tsv).toContain('骑手 (騎手)\tqí shǒu\t');
    expect(tsv).toContain(where.sentence);
    const csv = rowsCsv(wordRows(words));
    expect(csv.split('\r\n')).toHaveLength(4);
    expect(csv).toContain('"外卖 (外賣)","wài mài"');
  });

  it('round-trips through a backup; an old backup without words still reads', () => {
    const b = parseBackup(JSON.stringify(makeBackup([], new Date('2026-12-01T00:00:00Z'), words)));
    expect(b.words?.map((w) => w.id)).toEqual(words.map((w) => w.id));
    const old = { format: 'tifa-versions-backup', formatVersion: 1, exportedAt: '2026-11-01', versions: [] };
    expect(parseBackup(JSON.stringify(old)).words).toBeUndefined();
    expect(() => parseBackup(JSON.stringify({ ...old, words: [{ id: 'word:x' }] }))).toThrow(/corrupt Tifa backup/);
  });
});
