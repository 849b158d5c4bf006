// `npm run graph:compose`: writes apps/gateway/supergraph.graphql, or prints the composition
// errors and exits 1. `--check` writes nothing and fails when the checked-in file is stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findWorkspaceRoot } from '@gridcare/postgres';
import { composeSupergraph, formatCompositionErrors, readCheckedInSupergraph, SUPERGRAPH_FILE } from './supergraph';

function main(): number {
  const root = findWorkspaceRoot(__dirname);
  const composition = composeSupergraph();
  if (!composition.ok) {
    console.error(`graph:compose: the subgraphs do not compose (${composition.errors.length} errors):\n${formatCompositionErrors(composition.errors)}`);
    return 1;
  }
  const checkedIn = readCheckedInSupergraph(root);
  if (process.argv.includes('--check')) {
    if (checkedIn === composition.supergraph) return 0;
    console.error(`graph:compose: ${SUPERGRAPH_FILE} is stale; run npm run graph:compose and commit it`);
    return 1;
  }
  if (checkedIn === composition.supergraph) console.log(`graph:compose: ${SUPERGRAPH_FILE} is up to date`);
  else {
    writeFileSync(join(root, SUPERGRAPH_FILE), composition.supergraph);
    console.log(`graph:compose: wrote ${SUPERGRAPH_FILE}`);
  }
  return 0;
}

process.exitCode = main();
