/** An article no bundled version knows, long enough for the reading memory (tests/fixtures/unrelated.txt without its header). */
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../src/cli/assets';

export const UNRELATED_ARTICLE = fs.readFileSync(path.join(ROOT, 'tests/fixtures/unrelated.txt'), 'utf8').split('\n').slice(2).join('\n');
