import type { NewWorkspace } from '../core/workspaces/service.ts';

/** The first start's one-time message: the only time this key's secret is shown. */
export function printFirstKey(first: NewWorkspace, baseUrl: string): void {
  const line = '='.repeat(72);
  process.stdout.write(
    [
      line,
      'Switchboard first start: created a workspace, a user and an admin API key.',
      `  workspace id: ${first.workspace.id}`,
      `  user id:      ${first.user.id}`,
      `  API key:      ${first.apiKey.secret}`,
      'The key is shown only this once: store it now. Try:',
      `  curl -H "Authorization: Bearer ${first.apiKey.secret}" ${baseUrl}/v1/me`,
      'If this output is collected (a log service, journald, CI), the key is in those logs too:',
      'rotate it: create another admin key with it (POST /v1/api-keys, or switchboard key create),',
      `then revoke this one (DELETE /v1/api-keys/${first.apiKey.key.id}).`,
      line,
      '',
    ].join('\n'),
  );
}
