/**
 * The learner's dictionary: CC-CEDICT, looked up like the best popup
 * dictionaries — at a position in a text, the longest word that starts there,
 * then the shorter ones down to the single character, Simplified or
 * Traditional alike. Pure: the data (dictionary-data format, below) is handed
 * in by the host (the CLI reads a file, the background fetches and gunzips).
 *
 * Data format, one entry per line, fields separated by tabs:
 *   simplified, traditional, pinyin with tone marks, definitions (separated
 *   by U+001F), measure words, variant references (each "trad|simp|pinyin",
 *   separated by U+001E; either may be empty).
 * Entries stay as text until asked for: 124,000 of them parse in a few
 * hundred milliseconds and a few tens of megabytes.
 */

/** A word, as the card and `tifa define` show it. */
export interface DictEntry {
  simplified: string;
  traditional: string;
  pinyin: string;
  definitions: string[];
  /** Measure words (CC-CEDICT's CL:), e.g. { simplified: '本', traditional: '本', pinyin: 'běn' }. */
  classifiers: DictRef[];
  /** Words this one is a variant of, or that are variants of it. */
  variants: DictRef[];
}

export interface DictRef {
  simplified: string;
  traditional: string;
  pinyin: string;
}

/** Longest word looked up, in characters (CC-CEDICT has longer idioms; a card never needs them). */
export const MAX_WORD = 12;

const HAN = /^\p{Script=Han}/u;

function refs(field: string | undefined): DictRef[] {
  if (!field) return [];
  return field.split('\u001e').map((r) => {
    const [traditional = '', simplified = '', pinyin = ''] = r.split('|');
    return { simplified, traditional, pinyin };
  });
}

/**
 * Where a word's entries go in a card: CC-CEDICT lists a surname before the everyday reading (乐 Lè "surname
 * Le", then lè "happy", yuè "music") and sometimes a reading used in Taiwan before the mainland one (骑 jì
 * "(Tw) saddle horse", then qí "to ride"). Readers of mainland news meet the everyday, mainland reading first.
 */
const rank = (e: DictEntry): number =>
  e.definitions[0]?.startsWith('(Tw)') ? 2 : e.definitions.every((d) => /^surname\b/.test(d)) ? 1 : 0;

export class Dictionary {
  private readonly lines: string[];
  private readonly byWord = new Map<string, number[]>();

  private constructor(data: string) {
    this.lines = data.split('\n').filter((l) => l && !l.startsWith('#'));
    this.lines.forEach((line, i) => {
      const tab1 = line.indexOf('\t');
      const tab2 = line.indexOf('\t', tab1 + 1);
      if (tab1 < 1 || tab2 < 0) throw new Error(`dictionary line ${i + 1} is malformed`);
      this.add(line.slice(0, tab1), i);
      const trad = line.slice(tab1 + 1, tab2);
      if (trad !== line.slice(0, tab1)) this.add(trad, i);
    });
  }

  /** Parse the dictionary data (see the module comment); throws on a malformed line. */
  static parse(data: string): Dictionary {
    return new Dictionary(data);
  }

  /** How many entries. */
  get size(): number {
    return this.lines.length;
  }

  private add(word: string, i: number): void {
    const list = this.byWord.get(word);
    if (list) list.push(i);
    else this.byWord.set(word, [i]);
  }

  private entry(i: number): DictEntry {
    const [simplified = '', traditional = '', pinyin = '', defs = '', cls, vars] = this.lines[i]!.split('\t');
    return { simplified, traditional, pinyin, definitions: defs.split('\u001f'), classifiers: refs(cls), variants: refs(vars) };
  }

  /**
   * The words that start `text` (Simplified or Traditional), longest first,
   * down to the single character; [] when `text` does not start with a word.
   */
  lookup(text: string): DictEntry[] {
    if (!HAN.test(text)) return [];
    const out: DictEntry[] = [];
    const seen = new Set<number>();
    for (let len = Math.min(MAX_WORD, text.length); len >= 1; len--) {
      const words: DictEntry[] = [];
      for (const i of this.byWord.get(text.slice(0, len)) ?? []) {
        if (seen.has(i)) continue;
        seen.add(i);
        words.push(this.entry(i));
      }
      out.push(...words.sort((a, b) => rank(a) - rank(b))); // stable: otherwise in CC-CEDICT's order
    }
    return out;
  }

  /** Length (UTF-16) of the longest word at the start of `text`, 0 if none. */
  wordLength(text: string): number {
    for (let len = Math.min(MAX_WORD, text.length); len >= 1; len--) if (this.byWord.has(text.slice(0, len))) return len;
    return 0;
  }
}
