import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { createGatewayRuntime, GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { maskGatewayError } from './errors/mask-gateway-error';
import { gatewayRequestListener } from './http/gateway-request-listener';
import { downstreamIdentityHeaders, GatewayAuthentication } from './identity';
import { DEFAULT_GATEWAY_LIMITS, GatewayLimits } from './limits/gateway-limits';
import { operationLimitPlugins } from './limits/operation-limits';

export interface GatewayServerOptions {
  /** The composed supergraph's SDL (apps/gateway/supergraph.graphql). */
  supergraphSdl: string;
  /** Subgraph name → URL, replacing the URLs in the supergraph. */
  subgraphUrls?: Record<string, string>;
  /** Verifies access tokens and signs the subgraphs' identity assertions. */
  authentication: GatewayAuthentication;
  limits?: Partial<GatewayLimits>;
  logging?: boolean;
}

export interface GatewayServer {
  runtime: GatewayRuntime;
  server: Server;
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export const GRAPHQL_PATH = '/graphql';
export const HEALTH_PATH = '/health';
export const READINESS_PATH = '/ready';

/**
 * The gateway: Hive Gateway's runtime (MIT, ADR 8) over a plain Node HTTP server, serving the
 * checked-in supergraph. No usage reporting, no GraphiQL (its page loads assets from a CDN), no
 * schema fetched from anywhere at run time. Requests pass the door first (body size, access
 * token: http/gateway-request-listener.ts), then the operation limits, then go to the subgraphs
 * with the gateway's identity assertion and a timeout.
 */
export function createGatewayServer(options: GatewayServerOptions): GatewayServer {
  const limits = { ...DEFAULT_GATEWAY_LIMITS, ...options.limits };
  const transportEntries = Object.fromEntries(Object.entries(options.subgraphUrls ?? {}).map(([name, location]) => [name, { location }]));
  const runtime = createGatewayRuntime({
    supergraph: options.supergraphSdl,
    transportEntries,
    graphqlEndpoint: GRAPHQL_PATH,
    healthCheckEndpoint: HEALTH_PATH,
    readinessCheckEndpoint: READINESS_PATH,
    graphiql: false,
    landingPage: false,
    logging: options.logging ?? true,
    maskedErrors: { maskError: maskGatewayError },
    propagateHeaders: { fromClientToSubgraphs: ({ request }) => downstreamIdentityHeaders(request) },
    upstreamTimeout: limits.subgraphTimeoutMs,
    plugins: () => operationLimitPlugins(limits),
  });
  const server = createServer(
    gatewayRequestListener(runtime, { graphqlPath: GRAPHQL_PATH, authentication: options.authentication, maxRequestBytes: limits.maxRequestBytes }),
  );
  return {
    runtime,
    server,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const { port: bound } = server.address() as AddressInfo;
          resolve(`http://${host}:${bound}${GRAPHQL_PATH}`);
        });
      }),
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await runtime.dispose();
    },
  };
}
