// Every page of the console and its nav entry. A nav entry shows only when the key may read
// what the page shows (the page itself still answers a direct link, with the API's 403).
// The server answers index.html for these paths' first segments (src/http/console/paths.ts).
import type { ComponentType } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { FEATURES } from './features.ts';
import type { Scope } from './scopes.ts';
import { AgentPage, AgentsList } from './pages/agents.tsx';
import { AuditLog } from './pages/audit.tsx';
import { ApiKeys } from './pages/keys.tsx';
import { NotFound, NotYet } from './pages/placeholders.tsx';
import { NumberPage } from './pages/number-page.tsx';
import { NumbersList } from './pages/numbers-list.tsx';
import { WebhookPage } from './pages/webhook-page.tsx';
import { WebhooksList } from './pages/webhooks-list.tsx';
import { WorkflowPage, WorkflowsList } from './pages/workflows.tsx';

export interface NavEntry {
  path: string;
  label: string;
  needs: Scope;
  /** false: the API is not there yet; the entry is hidden. */
  enabled: boolean;
}

export const NAV: NavEntry[] = [
  { path: '/numbers', label: 'Numbers', needs: 'numbers:read', enabled: true },
  { path: '/blocks', label: 'Number blocks', needs: 'numbers:read', enabled: FEATURES.numberBlocks },
  { path: '/routing', label: 'Test a call', needs: 'numbers:read', enabled: FEATURES.routing },
  { path: '/calls', label: 'Calls', needs: 'numbers:read', enabled: FEATURES.calls },
  { path: '/agents', label: 'Agents', needs: 'agents:read', enabled: true },
  { path: '/workflows', label: 'Workflows', needs: 'workflows:read', enabled: true },
  { path: '/webhooks', label: 'Webhooks', needs: 'webhooks:read', enabled: true },
  { path: '/audit', label: 'Audit log', needs: 'events:read', enabled: true },
  { path: '/keys', label: 'API keys', needs: 'keys:read', enabled: true },
];

const later = (what: string): ComponentType => () => <NotYet what={what} />;

export function Pages() {
  return (
    <Switch>
      <Route path="/"><Redirect to="/numbers" replace /></Route>
      <Route path="/sign-in"><Redirect to="/numbers" replace /></Route>
      <Route path="/numbers" component={NumbersList} />
      <Route path="/numbers/:ref" component={NumberPage} />
      <Route path="/blocks" component={later('Number blocks')} />
      <Route path="/routing" component={later('Testing a call')} />
      <Route path="/calls" component={later('Calls')} />
      <Route path="/agents" component={AgentsList} />
      <Route path="/agents/:id" component={AgentPage} />
      <Route path="/workflows" component={WorkflowsList} />
      <Route path="/workflows/:id" component={WorkflowPage} />
      <Route path="/webhooks" component={WebhooksList} />
      <Route path="/webhooks/:id" component={WebhookPage} />
      <Route path="/audit" component={AuditLog} />
      <Route path="/keys" component={ApiKeys} />
      <Route component={NotFound} />
    </Switch>
  );
}
