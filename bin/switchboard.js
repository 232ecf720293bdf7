#!/usr/bin/env node
// The `switchboard` command (and `npm run cli`): runs the CLI's esbuild bundle (dist/cli.js) in
// this process, so arguments, stdio, signals and the exit code are the CLI's own. The bundle is
// built first when it is missing or older than src/ (a fraction of a second, once), so no build
// step is needed by hand. Paths are this package's, so the command works from any directory.
import { ensureCli } from '../scripts/build.mjs';

await import(await ensureCli());
