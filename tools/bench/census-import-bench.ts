// Residents benchmark, run by hand: `npx tsx tools/bench/census-import-bench.ts --residents=1000000`.
// Generates a census, imports it with the residents CLI (end to end: registration + triage
// decision per row, read models caught up), then starts the residents service and measures the
// tier-count and residents-by-community queries over HTTP (p50/p99).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyAllMigrations, discoverMigrationSets, findFreePort, findWorkspaceRoot, startEmbeddedPostgres, withDatabase } from '@gridcare/postgres';
import { Client } from 'pg';
import { percentile } from './bench-stats';

const args = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]));
const RESIDENTS = Number(args.residents ?? 100_000);

async function main(): Promise<void> {
  const root = findWorkspaceRoot(__dirname);
  const work = mkdtempSync(join(tmpdir(), 'gridcare-census-bench-'));
  const server = await startEmbeddedPostgres({ dataDir: mkdtempSync(join(tmpdir(), 'gridcare-census-bench-pg-')), persistent: false });
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE gridcare');
  await admin.end();
  const url = withDatabase(server.url, 'gridcare');
  await applyAllMigrations(url, discoverMigrationSets(root));
  const census = join(work, 'census.csv');
  const run = (command: string, commandArgs: string[], env: NodeJS.ProcessEnv = {}) => {
    const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} exited ${result.status}`);
  };
  run(process.execPath, ['--import', 'tsx', 'tools/census/generate-census.ts', `--residents=${RESIDENTS}`, '--seed=7', `--out=${census}`]);
  run('npx', ['nx', 'run', 'residents:build', '--outputStyle=static'], { NX_DAEMON: 'false' });
  const cli = join(root, 'dist/apps/residents/apps/residents/src/census-import/import-census.cli.js');
  run(process.execPath, ['-r', './tools/runtime/register-aliases.js', cli, census], { DATABASE_URL: url, GRIDCARE_IMPORT_REPORTS: work });

  const port = await findFreePort();
  const service = spawn(process.execPath, ['-r', './tools/runtime/register-aliases.js', join(root, 'dist/apps/residents/apps/residents/src/main.js')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, PORT: String(port) },
    stdio: 'ignore',
  });
  try {
    const graphql = async (query: string) => {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-gridcare-actor-id': 'bench', 'x-gridcare-actor-role': 'command_centre' },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { errors?: unknown[]; data?: Record<string, unknown> };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    for (let attempt = 0; ; attempt++) {
      try {
        await graphql('{ triageRuleSet { version } }');
        break;
      } catch (error) {
        if (attempt > 100) throw error;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    const pg = new Client({ connectionString: url });
    await pg.connect();
    const communities = (await pg.query('SELECT DISTINCT community_id FROM residents.residents LIMIT 200')).rows.map((row) => row.community_id as string);
    await pg.end();
    const measure = async (name: string, query: (i: number) => string) => {
      const times: number[] = [];
      for (let i = 0; i < 500; i++) {
        const start = process.hrtime.bigint();
        await graphql(query(i));
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
      times.sort((a, b) => a - b);
      console.log(`${name.padEnd(40)} p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms (500 requests)`);
    };
    await measure('tierCounts(level: DISTRICT)', () => '{ tierCounts(level: DISTRICT) { areaId red yellow green total } }');
    await measure('tierCounts(level: COMMUNITY) for 1 area', (i) => `{ tierCounts(level: COMMUNITY, areaIds: ["${communities[i % communities.length]}"]) { red yellow green total } }`);
    await measure('residents(communityId, first: 50)', (i) => `{ residents(filter: { communityId: "${communities[i % communities.length]}" }, first: 50) { edges { node { id fullName tier } } pageInfo { hasNextPage } } }`);
    await measure('residents(communityId, tier: RED, first: 50)', (i) => `{ residents(filter: { communityId: "${communities[i % communities.length]}", tier: RED }, first: 50) { edges { node { id tier } } } }`);
  } finally {
    service.kill('SIGTERM');
    await new Promise((resolve) => service.once('exit', resolve));
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
