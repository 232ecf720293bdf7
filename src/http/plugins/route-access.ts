// Every route's access comes from one table (src/core/authorization/operations.ts), by its
// operationId: when a route is registered its scope is set from its row, and a route without a
// row, or one that sets its own scope, stops the server from starting. So the scope a route
// checks, the security its OpenAPI operation shows and the table cannot drift apart.
import type { FastifyInstance, RouteOptions } from 'fastify';
import { accessOf, PUBLIC_PATH_PREFIXES, type OperationAccess } from '../../core/authorization/operations.ts';

const PUBLIC: OperationAccess = { needs: 'public' };

function accessOfRoute(route: RouteOptions): OperationAccess {
  const operationId = (route.schema as { operationId?: string } | undefined)?.operationId;
  const where = `${String(route.method)} ${route.url}`;
  if (operationId) {
    const access = accessOf(operationId);
    if (!access) throw new Error(`${where} (operationId ${operationId}) has no row in OPERATIONS (src/core/authorization/operations.ts): add one saying which scope it needs, or 'public'`);
    return access;
  }
  if (PUBLIC_PATH_PREFIXES.some((prefix) => route.url === prefix || route.url.startsWith(`${prefix}/`))) return PUBLIC;
  throw new Error(`${where} has no operationId: give it one and a row in OPERATIONS (src/core/authorization/operations.ts)`);
}

/** On the root instance, before any route: sets config.scope on every route from OPERATIONS. */
export function registerRouteAccess(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const access = accessOfRoute(route);
    if (route.config?.scope !== undefined) {
      throw new Error(`${String(route.method)} ${route.url} sets config.scope: a route's scope comes from its row in OPERATIONS (src/core/authorization/operations.ts)`);
    }
    route.config = { ...route.config, ...(access.needs === 'public' ? {} : { scope: access.needs }) };
  });
}
