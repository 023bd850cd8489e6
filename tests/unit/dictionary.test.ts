/**
 * The learner's dictionary (CC-CEDICT): longest word first, then shorter ones;
 * Simplified and Traditional; tone marks; measure words and variants; the
 * data file built from the cc-cedict package; `tifa define`.
 */
import { describe, expect, it } from 'vitest';
import { Dictionary } from '../../src/core/dictionary';
import { toneMarks } from '../../src/core/pinyin-marks';
import { loadDictionary } from '../../src/cli/dictionary-data';
import { run } from '../../src/cli/main';
import { UsageError } from '../../src/cli/input';

const dict = loadDictionary();
const heads = (q: string): string[] => dict.lookup(q).map((e) => e.simplified);

describe('tone marks', () => {
  it.each([
    ['shu1 jing1', 'shū jīng'],
    ['lu:4 nu:3', 'lǜ nǚ'],
    ['Shang4 hai3', 'Shàng hǎi'],
    ['er5', 'er'],
    ['liu2 zhou1', 'liú zhōu'],
    ['gui4', 'guì'],
    ['ou1', 'ōu'],
    ['xiong2', 'xióng'],
    ['san1 C', 'sān C'],
  ])('%s → %s', (numbered, marked) => {
    expect(toneMarks(numbered)).toBe(marked);
  });
});

describe('CC-CEDICT lookup', () => {
  it('holds the whole current edition', () => {
    expect(dict.size).toBeGreaterThan(120_000);
  });

  it.each([
    ['萌芽了', ['萌芽', '萌']],
    ['补贴政策', ['补贴', '补']],
    ['外卖骑手', ['外卖', '外']],
    ['骑手', ['骑手', '骑', '骑']],
  ])('%s: the longest word first, then shorter ones', (q, want) => {
    expect(heads(q).slice(0, want.length)).toEqual(want);
  });

  it('finds the longest word of many characters', () => {
    expect(heads('中华人民共和国万岁')[0]).toBe('中华人民共和国');
    expect(dict.wordLength('中华人民共和国万岁')).toBe(7);
  });

  it('looks up Traditional text as well', () => {
    const e = dict.lookup('補貼政策')[0]!;
    expect([e.simplified, e.traditional, e.pinyin]).toEqual(['补贴', '補貼', 'bǔ tiē']);
    expect(e.definitions).toContain('subsidy');
  });

  it('gives measure words and variant references', () => {
    const book = dict.lookup('书').find((e) => e.pinyin === 'shū')!;
    expect(book.classifiers.map((c) => c.simplified)).toEqual(expect.arrayContaining(['本']));
    const meng = dict.lookup('萌').find((e) => e.pinyin === 'méng')!;
    expect(meng.variants.map((v) => v.simplified)).toContain('氓');
  });

  it('writes cross-references readably, with tone marks', () => {
    const e = dict.lookup('书经')[0]!;
    expect(e.definitions.join(' ')).toContain('五经 (Wǔ jīng)');
    expect(e.definitions.join(' ')).not.toMatch(/\[[A-Za-z:]+\d/);
  });

  it('finds a word at the very end of a text, and nothing where no word starts', () => {
    expect(heads('骑')).toEqual(['骑', '骑']);
    expect(dict.lookup('')).toEqual([]);
    expect(dict.lookup('hello')).toEqual([]);
    expect(dict.lookup('，骑手')).toEqual([]);
  });

  it('puts a reading used only in Taiwan after the mainland one, and a surname after the everyday readings', () => {
    expect(dict.lookup('骑').map((e) => e.pinyin)).toEqual(['qí', 'jì']);
    expect(dict.lookup('乐').map((e) => e.pinyin)).toEqual(['lào', 'lè', 'yuè', 'Lè', 'Yuè']); // the surnames last
    expect(dict.lookup('王')[0]?.pinyin).toBe('wáng');
    expect(dict.lookup('王').map((e) => e.pinyin)).toContain('Wáng');
    expect(dict.lookup('骑手').map((e) => e.pinyin)).toEqual(['qí shǒu', 'qí', 'jì']);
  });

  it('refuses malformed data with a clear error', () => {
    expect(() => Dictionary.parse('书\n')).toThrow(/line 1 is malformed/);
    expect(Dictionary.parse('# comment\n书\t書\tshū\tbook\t\t\n').lookup('书')[0]?.definitions).toEqual(['book']);
  });
});

describe('tifa define', () => {
  it('prints the contract JSON: query, entries with simplified, traditional, pinyin, definitions', () => {
    const out = JSON.parse(run(['define', '萌芽', '--json'])) as { query: string; entries: Record<string, unknown>[] };
    expect(out.query).toBe('萌芽');
    expect(Object.keys(out.entries[0]!)).toEqual(['simplified', 'traditional', 'pinyin', 'definitions']);
    expect(out.entries[0]).toMatchObject({ simplified: '萌芽', traditional: '萌芽', pinyin: 'méng yá' });
    expect(out.entries.map((e) => e.simplified)).toEqual(['萌芽', '萌']);
  });

  it('prints entries for people', () => {
    const out = run(['define', '補貼']);
    expect(out).toMatch(/^补贴 \(補貼\) {2}bǔ tiē\n {2}1\. to subsidize/);
  });

  it.each([['hello'], ['，'], ['']])('refuses %j: no dictionary word at its start (exit 2)', (q) => {
    expect(() => run(['define', q])).toThrow(UsageError);
  });

  it('takes exactly one TEXT', () => {
    expect(() => run(['define'])).toThrow(UsageError);
    expect(() => run(['define', '书', '书'])).toThrow(UsageError);
  });
});
