/**
 * The `tifa` command: the engine on a saved page or text.
 *
 *   tifa annotate FILE [--json] [--all]
 *   tifa compare A B [--json] [--all]      (A, B: version ids or files)
 *   tifa versions [--json]
 *   tifa glossary [TERM] [--json]
 *
 * User errors print one line on stderr and exit 2; never a stack trace.
 */
import { parseArgs } from 'node:util';
import { Engine, type Version } from '../core/engine';
import type { GlossaryEntry } from '../core/glossary';
import { loadCorpus, loadGlossary } from './assets';
import { glossaryCommand } from './glossary-cmd';
import { readPage, UsageError } from './input';
import { nodeSegmenter } from './jieba';
import { formatReport } from './report';

const USAGE = `usage:
  tifa annotate FILE [--json] [--all]   known versions, differences and terms in FILE (.html/.htm as HTML, else text; - for stdin)
  tifa compare A B [--json] [--all]     differences of B against A (each a version id or a file)
  tifa versions [--json]                the known versions
  tifa glossary [TERM] [--json]         the glossary, or one entry (term, variant, traditional form or id)`;

function makeEngine(corpus: Version[], glossary: GlossaryEntry[]): Engine {
  return new Engine(corpus, glossary, nodeSegmenter(Engine.dictionaryWords(glossary)));
}

export function run(argv: string[]): string {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, all: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
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
      const text = readPage(rest[0]!);
      const glossary = loadGlossary();
      const engine = makeEngine(loadCorpus(), glossary);
      const a = engine.annotate(text);
      return json ? JSON.stringify(a, null, 2) : formatReport(a, (id) => engine.version(id), glossary, { all: values.all ?? false });
    }
    case 'compare': {
      want(2);
      const corpus = loadCorpus();
      const resolve = (x: string): Version =>
        corpus.find((v) => v.id === x) ?? { id: x, title: x, outlet: '', date: '', text: readPage(x) };
      const base = resolve(rest[0]!);
      const other = resolve(rest[1]!);
      const glossary = loadGlossary();
      const engine = makeEngine(corpus, glossary);
      const a = engine.compare(other.text, base);
      return json
        ? JSON.stringify(a, null, 2)
        : formatReport(a, (id) => (id === base.id ? base : engine.version(id)), glossary, { all: values.all ?? false });
    }
    case 'versions': {
      want(0);
      const corpus = loadCorpus();
      if (json)
        return JSON.stringify(
          corpus.map(({ text, ...meta }) => ({ ...meta, characters: text.length })),
          null,
          2,
        );
      return corpus.map((v) => `${v.id}  ${v.date.padEnd(10)}  ${v.outlet}  ${v.title}`).join('\n');
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
