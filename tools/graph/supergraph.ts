// Composes the supergraph from the subgraphs' type definitions, in-process: no service is
// started and nothing is downloaded. The gateway serves the file this writes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@theguild/federation-composition';
import { GraphQLError, parse } from 'graphql';
// The subgraphs' SDL is plain strings without Nest or I/O; tools may read every project (scope:tools).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { residentsTypeDefs } from '../../apps/residents/src/graphql/residents.schema';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { referralsTypeDefs } from '../../apps/referrals/src/graphql/referrals.schema';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { auditTypeDefs } from '../../apps/audit/src/graphql/audit.schema';

export interface Subgraph {
  name: string;
  /** The URL written into the supergraph; the gateway may override it at start (RESIDENTS_URL, ...). */
  url: string;
  typeDefs: string;
}

/** Every subgraph the gateway composes, with its default local URL. */
export const SUBGRAPHS: readonly Subgraph[] = [
  { name: 'residents', url: 'http://localhost:4001/graphql', typeDefs: residentsTypeDefs },
  { name: 'referrals', url: 'http://localhost:4002/graphql', typeDefs: referralsTypeDefs },
  { name: 'audit', url: 'http://localhost:4003/graphql', typeDefs: auditTypeDefs },
];

/** Where the composed supergraph is checked in, relative to the workspace root. */
export const SUPERGRAPH_FILE = join('apps', 'gateway', 'supergraph.graphql');

const HEADER = '# Composed by `npm run graph:compose` (tools/graph) from the subgraphs\' type definitions. Do not edit.\n';

export type Composition = { ok: true; supergraph: string } | { ok: false; errors: readonly GraphQLError[] };

export function composeSupergraph(subgraphs: readonly Subgraph[] = SUBGRAPHS): Composition {
  const result = composeServices(subgraphs.map((subgraph) => ({ name: subgraph.name, url: subgraph.url, typeDefs: parse(subgraph.typeDefs) })));
  if (result.errors) return { ok: false, errors: result.errors };
  return { ok: true, supergraph: HEADER + result.supergraphSdl.trimEnd() + '\n' };
}

export function formatCompositionErrors(errors: readonly GraphQLError[]): string {
  return errors.map((error) => `- ${error.message}${error.extensions?.code ? ` [${String(error.extensions.code)}]` : ''}`).join('\n');
}

export function readCheckedInSupergraph(root: string): string | undefined {
  try {
    return readFileSync(join(root, SUPERGRAPH_FILE), 'utf8');
  } catch {
    return undefined;
  }
}
