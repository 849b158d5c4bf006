// Residents benchmark, run by hand: `npx tsx tools/bench/census-import-bench.ts --residents=1000000`.
// Generates a census, imports it with the residents CLI (end to end: registration + triage
// decision per row, read models caught up), then starts the residents service and measures the
// tier-count and residents-by-community queries over HTTP (p50/p99).
import { Client } from 'pg';
import { importedCensus, measureQuery, startResidentsService } from './residents-bench-platform';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const RESIDENTS = Number(args.residents ?? 100_000);

async function main(): Promise<void> {
  const { server, url } = await importedCensus(RESIDENTS);
  const service = await startResidentsService(url);
  try {
    const pg = new Client({ connectionString: url });
    await pg.connect();
    const communities = (await pg.query('SELECT DISTINCT community_id FROM residents.residents LIMIT 200')).rows.map((row) => row.community_id as string);
    await pg.end();
    const measure = (name: string, query: (i: number) => string) => measureQuery(name, 500, (i) => service.graphql(query(i)));
    await measure('tierCounts(level: DISTRICT)', () => '{ tierCounts(level: DISTRICT) { areaId red yellow green total } }');
    await measure('tierCounts(level: COMMUNITY) for 1 area', (i) => `{ tierCounts(level: COMMUNITY, areaIds: ["${communities[i % communities.length]}"]) { red yellow green total } }`);
    await measure('residents(communityId, first: 50)', (i) => `{ residents(filter: { communityId: "${communities[i % communities.length]}" }, first: 50) { edges { node { id fullName tier } } pageInfo { hasNextPage } } }`);
    await measure('residents(communityId, tier: RED, first: 50)', (i) => `{ residents(filter: { communityId: "${communities[i % communities.length]}", tier: RED }, first: 50) { edges { node { id tier } } } }`);
  } finally {
    await service.stop();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
