// The CLI's help text.
import { SCOPES } from '../core/api-keys/model.ts';

export const USAGE = `Usage: switchboard <command> [options]

Operator commands, run on the machine that hosts Switchboard. They read the same
environment as the server (DATABASE_URL, SWITCHBOARD_DATA_DIR, SWITCHBOARD_SECRET_KEY,
SWITCHBOARD_DB_SCHEMA) and need no API key. The database is the server's: PostgreSQL at
DATABASE_URL, else SQLite at $SWITCHBOARD_DATA_DIR/switchboard.db (./data of the current
directory by default). Only serve, migrate and workspace create create it; the others fail
naming where they looked. Each command prints the database it opened (not with --json) and
applies pending migrations first.

Commands:
  serve                           Start the HTTP server (same as npm start)
  worker                          Run only the webhook delivery worker (no HTTP); pair it
                                  with servers started with SWITCHBOARD_WORKER=false
  migrate                         Apply pending database migrations and list them
  workspace create --name NAME [--user NAME]
                                  Create a workspace, its first user and an admin API key
  workspace list                  List every workspace
  key create --workspace ID --scopes SCOPE[,SCOPE...] [--name NAME]
                                  Issue an API key for a workspace
  key list --workspace ID         List a workspace's API keys (never their secrets)
  key revoke KEY_ID               Revoke an API key, of any workspace: it stops working at once
  help                            Show this text

Options:
  --json                          Print JSON instead of text, for scripts
  -h, --help                      Show this text

A new key's secret is printed only once: store it when it is shown.

Scopes (key create --scopes):
${wrap(SCOPES.join(', '), 86, '  ')}

Exit codes: 0 done, 1 failed, 2 bad usage, 78 bad configuration.
`;

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}
