/**
 * The gateway's operational limits, each from the environment with a default that suits the
 * frontends' largest queries:
 * - GRIDCARE_MAX_QUERY_DEPTH (default 10): nesting of fields;
 * - GRIDCARE_MAX_QUERY_COST (default 5000): graphql-armor's cost (objects and fields weighted by depth);
 * - GRIDCARE_MAX_ALIASES (default 20), GRIDCARE_MAX_TOKENS (default 3000): against batching and huge documents;
 * - GRIDCARE_MAX_REQUEST_BYTES (default 1 MiB): the request body;
 * - GRIDCARE_SUBGRAPH_TIMEOUT_MS (default 10000): one subgraph request.
 */
export interface GatewayLimits {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxTokens: number;
  maxRequestBytes: number;
  subgraphTimeoutMs: number;
}

export const DEFAULT_GATEWAY_LIMITS: GatewayLimits = {
  maxDepth: 10,
  maxCost: 5000,
  maxAliases: 20,
  maxTokens: 3000,
  maxRequestBytes: 1024 * 1024,
  subgraphTimeoutMs: 10_000,
};

const VARIABLES: Record<keyof GatewayLimits, string> = {
  maxDepth: 'GRIDCARE_MAX_QUERY_DEPTH',
  maxCost: 'GRIDCARE_MAX_QUERY_COST',
  maxAliases: 'GRIDCARE_MAX_ALIASES',
  maxTokens: 'GRIDCARE_MAX_TOKENS',
  maxRequestBytes: 'GRIDCARE_MAX_REQUEST_BYTES',
  subgraphTimeoutMs: 'GRIDCARE_SUBGRAPH_TIMEOUT_MS',
};

export function gatewayLimitsFrom(environment: Record<string, string | undefined>): GatewayLimits {
  const limits = { ...DEFAULT_GATEWAY_LIMITS };
  for (const key of Object.keys(VARIABLES) as (keyof GatewayLimits)[]) {
    const raw = environment[VARIABLES[key]];
    if (raw === undefined || raw.trim() === '') continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${VARIABLES[key]} must be a positive whole number, got "${raw}"`);
    limits[key] = value;
  }
  return limits;
}
