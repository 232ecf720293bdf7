// Pages whose API is not in this server yet. Each has its route and nav entry in routes.tsx,
// hidden while its flag is false; turning a flag on (with the page built) is all they need.
export const FEATURES = {
  /** GET/POST /v1/number-blocks */
  numberBlocks: false,
  /** POST /v1/routing/resolve: the "test a call" form and its trace */
  routing: false,
  /** GET /v1/calls: the live list, a call's timeline, calls per hour */
  calls: false,
} as const;
