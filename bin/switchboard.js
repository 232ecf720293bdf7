#!/usr/bin/env node
// The `switchboard` command: runs the TypeScript CLI (src/cli/main.ts) through tsx, in this
// process, so arguments, stdio, signals and the exit code are the CLI's own. tsx is resolved
// from this package, so the command works from any directory.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
