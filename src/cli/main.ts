/**
 * The `tifa` command: the engine on a saved page or text.
 *
 *   tifa annotate FILE [--json] [--all] [--versions DIR]
 *   tifa compare A B [--json] [--all]      (A, B: version ids or files)
 *   tifa export FILE --anki|--csv|--markdown|--json [--versions DIR]
 *   tifa versions [--json] [--versions DIR]
 *   tifa glossary [TERM] [--json]
 *   tifa define TEXT [--json]
 *   tifa pack DIR [-o library.json]
 *
 * User errors print one line on stderr and exit 2; never a stack trace.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Engine, type Version } from '../core/engine';
import type { Layout } from '../core/layout';
import { ankiTsv, markdownReport, termsCsv, type ExportContext } from '../core/exports';
import { publicEntry, type GlossaryEntry } from '../core/glossary';
import { loadCorpus, loadGlossary } from './assets';
import { asVersion } from '../core/user-versions';
import { defineCommand } from './define-cmd';
import { backupVersions, packCommand } from './pack-cmd';
import { loadDictionary } from './dictionary-data';
import { glossaryCommand } from './glossary-cmd';
import { readPage, UsageError } from './input';
import { nodeSegmenter } from './jieba';
import { formatReport } from './report';

const USAGE = `usage:
  tifa annotate FILE [--json] [--all]   known versions, differences and terms in FILE (.html/.htm as HTML, else text; - for stdin)
  tifa compare A B [--json] [--all]     differences of B against A (each a version id or a file)
  tifa export FILE --anki|--csv|--markdown|--json
                                        FILE's terms as Anki TSV or CSV, its differences as a Markdown report or JSON
  tifa versions [--json]                the known versions
  tifa glossary [TERM] [--json]         the glossary, or one entry (term, variant, traditional form or id)
  tifa define TEXT [--json]             dictionary entries (CC-CEDICT) for the longest word at TEXT's start, then shorter ones
  tifa pack DIR [-o library.json]       a folder of saved pages and texts as a Tifa backup (a library to share)
options:
  --versions DIR|library.json           also know every file in DIR, or a backup's versions, for this run
  --all                                 show punctuation-only differences in the human-readable report`;

/**
 * The bundled corpus, plus --versions: every file in a folder as a version
 * (id = file stem), or the versions of a Tifa backup file (a library made by
 * `tifa pack`).
 */
function corpusWith(dir: string | undefined): Version[] {
  const corpus = loadCorpus();
  if (dir === undefined) return corpus;
  if (dir.toLowerCase().endsWith('.json') && fs.existsSync(dir) && fs.statSync(dir).isFile()) {
    const ids = new Set(corpus.map((v) => v.id));
    return [
      ...corpus,
      ...backupVersions(dir)
        .filter((v) => !ids.has(v.id))
        .map(asVersion),
    ];
  }
  let files: string[];
  try {
    if (!fs.statSync(dir).isDirectory()) throw new UsageError(`--versions ${dir}: not a directory`);
    files = fs.readdirSync(dir).filter((f) => !f.startsWith('.') && fs.statSync(path.join(dir, f)).isFile());
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`--versions ${dir}: no such directory`);
  }
  if (!files.length) throw new UsageError(`--versions ${dir}: no files in it`);
  const ids = new Set(corpus.map((v) => v.id));
  for (const f of files.sort()) {
    const id = path.basename(f, path.extname(f));
    if (ids.has(id)) throw new UsageError(`--versions ${dir}: two versions with the id "${id}"`);
    ids.add(id);
    corpus.push({ id, title: id, outlet: '', date: '', text: readPage(path.join(dir, f)).text });
  }
  return corpus;
}

function makeEngine(corpus: Version[], glossary: GlossaryEntry[]): Engine {
  return new Engine(corpus, glossary, nodeSegmenter(Engine.dictionaryWords(glossary)));
}

export function run(argv: string[]): string {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        all: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        versions: { type: 'string' },
        anki: { type: 'boolean' },
        csv: { type: 'boolean' },
        markdown: { type: 'boolean' },
        output: { type: 'string', short: 'o' },
      },
    });
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\n${USAGE}`);
  }
  const { positionals: pos, values } = parsed;
  const json = values.json ?? false;
  const [cmd, ...rest] = pos;
  if (values.help || !cmd) return USAGE;
  const want = (n: number): void => {
    if (rest.length !== n) throw new UsageError(`tifa ${cmd} takes ${n} argument${n === 1 ? '' : 's'}\n${USAGE}`);
  };
  switch (cmd) {
    case 'annotate': {
      want(1);
      const page = readPage(rest[0]!);
      const glossary = loadGlossary();
      const engine = makeEngine(corpusWith(values.versions), glossary);
      const a = engine.annotate(page.text, page.layout);
      return json ? JSON.stringify(a, null, 2) : formatReport(a, (id) => engine.version(id), glossary, { all: values.all ?? false });
    }
    case 'compare': {
      want(2);
      const corpus = loadCorpus();
      const resolve = (x: string): Version & { layout?: Layout } => {
        const known = corpus.find((v) => v.id === x);
        if (known) return known;
        const page = readPage(x);
        return { id: x, title: x, outlet: '', date: '', text: page.text, layout: page.layout };
      };
      const base = resolve(rest[0]!);
      const other = resolve(rest[1]!);
      const glossary = loadGlossary();
      const engine = makeEngine(corpus, glossary);
      const a = engine.compare(other.text, base, other.layout);
      return json
        ? JSON.stringify(a, null, 2)
        : formatReport(a, (id) => (id === base.id ? base : engine.version(id)), glossary, { all: values.all ?? false });
    }
    case 'export': {
      want(1);
      const formats = (['anki', 'csv', 'markdown', 'json'] as const).filter((f) => values[f]);
      if (formats.length !== 1) throw new UsageError(`tifa export needs exactly one of --anki, --csv, --markdown, --json\n${USAGE}`);
      const page = readPage(rest[0]!);
      const glossary = loadGlossary();
      const engine = makeEngine(corpusWith(values.versions), glossary);
      const annotations = engine.annotate(page.text, page.layout);
      if (formats[0] === 'json') return JSON.stringify(annotations, null, 2);
      const usage = engine.termUsage(annotations);
      const entries = Object.fromEntries(glossary.map((e) => [e.id, publicEntry(e)]));
      const versions = annotations.matches.map((m) => engine.version(m.versionId)!);
      const c: ExportContext = {
        annotations,
        entries,
        versions,
        usage,
        url: rest[0] === '-' ? '' : path.resolve(rest[0]!),
        title: path.basename(rest[0]!),
      };
      const out = formats[0] === 'anki' ? ankiTsv(c) : formats[0] === 'csv' ? termsCsv(c) : markdownReport(c);
      return out.replace(/\r?\n$/, '');
    }
    case 'versions': {
      want(0);
      const corpus = corpusWith(values.versions);
      if (json)
        return JSON.stringify(
          corpus.map(({ text, ...meta }) => ({ ...meta, characters: text.length })),
          null,
          2,
        );
      return corpus.map((v) => `${v.id}  ${v.date.padEnd(10)}  ${v.outlet}  ${v.title}`).join('\n');
    }
    case 'pack': {
      want(1);
      return packCommand(rest[0]!, values.output);
    }
    case 'define': {
      want(1);
      return defineCommand(loadDictionary(), rest[0]!, json);
    }
    case 'glossary': {
      if (rest.length > 1) throw new UsageError(`tifa glossary takes at most one term\n${USAGE}`);
      return glossaryCommand(loadGlossary(), rest[0], json);
    }
    default:
      throw new UsageError(`unknown command "${cmd}"\n${USAGE}`);
  }
}

export function main(argv: string[]): number {
  try {
    process.stdout.write(run(argv) + '\n');
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`tifa: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`tifa: internal error: ${(e as Error).message}\n`);
    if (process.env.TIFA_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return 1;
  }
}
