// What the residents benchmarks share: an embedded PostgreSQL with a generated census imported
// through the residents CLI (end to end), and the residents service started from its build.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyAllMigrations, discoverMigrationSets, findWorkspaceRoot, RunningPostgres, startEmbeddedPostgres, withDatabase } from '@gridcare/postgres';
import { Client } from 'pg';
import { startProcess } from '../e2e/platform-processes';
import { CITY, Role } from '@gridcare/identity';
import { identityAssertionHeaders } from '@gridcare/identity/testing';

export const root = findWorkspaceRoot(__dirname);

export interface CensusDatabase {
  server: RunningPostgres;
  /** The `gridcare` database: event store and read models. */
  url: string;
  work: string;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}`);
}

/** Generates a census of `residents` (seed 7), builds the residents service and imports the census with its CLI. */
export async function importedCensus(residents: number): Promise<CensusDatabase> {
  const work = mkdtempSync(join(tmpdir(), 'gridcare-census-bench-'));
  const server = await startEmbeddedPostgres({ dataDir: mkdtempSync(join(tmpdir(), 'gridcare-census-bench-pg-')), persistent: false });
  const admin = new Client({ connectionString: server.url });
  await admin.connect();
  await admin.query('CREATE DATABASE gridcare');
  await admin.end();
  const url = withDatabase(server.url, 'gridcare');
  await applyAllMigrations(url, discoverMigrationSets(root));
  const census = join(work, 'census.csv');
  run(process.execPath, ['--import', 'tsx', 'tools/census/generate-census.ts', `--residents=${residents}`, '--seed=7', `--out=${census}`]);
  run('npx', ['nx', 'run', 'residents:build', '--outputStyle=static'], { NX_DAEMON: 'false' });
  const cli = join(root, 'dist/apps/residents/apps/residents/src/census-import/import-census.cli.js');
  run(process.execPath, ['-r', './tools/runtime/register-aliases.js', cli, census], { DATABASE_URL: url, GRIDCARE_IMPORT_REPORTS: work });
  return { server, url, work };
}

export interface Actor {
  id: string;
  role: string;
}

export interface BuiltService {
  /** Its GraphQL endpoint. */
  url: string;
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, actor?: Actor): Promise<T>;
  /** The service process's peak resident set so far (Linux VmHWM), in MiB. */
  peakRssMiB(): number;
  stop(): Promise<void>;
}
export type ResidentsService = BuiltService;

/**
 * Starts a built service (`dist/apps/<app>`) on `url` and waits until `readyQuery` answers.
 * BENCH_SERVICE_NODE_OPTIONS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", profiles it.
 */
export async function startBuiltService(app: string, url: string, readyQuery: string, env: NodeJS.ProcessEnv = {}): Promise<BuiltService> {
  const nodeOptions = (process.env.BENCH_SERVICE_NODE_OPTIONS ?? '').split(' ').filter(Boolean);
  const service = await startProcess(app, { ...env, DATABASE_URL: url }, { nodeOptions, readyTimeoutMs: 120_000 });
  // The gateway's assertion for each actor (city-wide), signed once with the development key.
  const assertions = new Map<string, Promise<Record<string, string>>>();
  const identityHeaders = (actor: Actor) => {
    const key = `${actor.id}\0${actor.role}`;
    if (!assertions.has(key)) assertions.set(key, identityAssertionHeaders({ actorId: actor.id, role: actor.role as Role, jurisdiction: CITY }));
    return assertions.get(key)!;
  };
  const graphql = async <T>(query: string, variables: Record<string, unknown> = {}, actor: Actor = { id: 'bench', role: 'command_centre' }): Promise<T> => {
    const response = await fetch(service.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await identityHeaders(actor)) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { errors?: unknown[]; data?: T };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data as T;
  };
  for (let attempt = 0; ; attempt++) {
    try {
      await graphql(readyQuery);
      break;
    } catch (error) {
      if (attempt > 600) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return {
    url: service.url,
    graphql,
    peakRssMiB: () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${service.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
    stop: () => service.stop(),
  };
}

/** Starts the built residents service on `url` and waits until it answers. */
export function startResidentsService(url: string, env: NodeJS.ProcessEnv = {}): Promise<ResidentsService> {
  return startBuiltService('residents', url, '{ triageRuleSet { version } }', env);
}

/** Times `count` calls of `query(i)` one after another; prints p50 and p99. */
export async function measureQuery(name: string, count: number, query: (i: number) => Promise<unknown>): Promise<void> {
  const { percentile } = await import('./bench-stats');
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    await query(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(48)} p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms (${count} requests)`);
}
