// What a key's scopes allow, by the core's own rule (admin covers the workspace, write implies
// read): the console hides or disables what the key cannot do, and the server checks it again.
import { effectiveScopes, type Scope } from '../../src/core/authorization/scopes.ts';

export { WORKSPACE_SCOPES, SCOPES, type Scope } from '../../src/core/authorization/scopes.ts';

export function allowed(scopes: readonly string[]): (scope: Scope) => boolean {
  const set = effectiveScopes(scopes as Scope[]);
  return (scope) => set.has(scope);
}
