#!/usr/bin/env node
// Runs the TypeScript CLI directly (tsx), so `npx tifa` works right after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = main(process.argv.slice(2));
