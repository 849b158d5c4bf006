import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createGatewayServer, HEALTH_PATH } from './gateway-server';
import { GatewayAuthentication } from './identity';
import { gatewayLimitsFrom } from './limits/gateway-limits';
import { subgraphUrlOverrides, supergraphSubgraphNames } from './subgraph-urls';

/** Next to `src` both in the sources and in the build (the build copies it). */
const DEFAULT_SUPERGRAPH_FILE = join(__dirname, '..', 'supergraph.graphql');

async function bootstrap(): Promise<void> {
  const supergraphFile = process.env.GRIDCARE_SUPERGRAPH_FILE ?? DEFAULT_SUPERGRAPH_FILE;
  const supergraphSdl = readFileSync(supergraphFile, 'utf8');
  const subgraphUrls = subgraphUrlOverrides(process.env, supergraphSubgraphNames(supergraphSdl));
  const authentication = await GatewayAuthentication.fromEnvironment();
  const gateway = createGatewayServer({ supergraphSdl, subgraphUrls, authentication, limits: gatewayLimitsFrom(process.env) });
  const port = Number(process.env.PORT ?? 4000);
  const url = await gateway.listen(port, process.env.HOST ?? '127.0.0.1');
  console.log(`gateway on ${url.replace('127.0.0.1', 'localhost')} (health: ${HEALTH_PATH}), supergraph ${supergraphFile}`);
  const stop = () => void gateway.close().then(() => process.exit(0));
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void bootstrap();
