// `npm start`: the whole platform on its embedded default. Starts PostgreSQL (embedded
// unless DATABASE_URL is set), applies the migrations, builds and starts every service as
// its own process, and stops everything cleanly on Ctrl-C. Data is kept between starts.
// On the first start of an empty database it loads the demo city through the gateway
// (tools/demo), unless started with `npm start -- --empty` or GRIDCARE_DEMO_CITY=false.
import { spawn, ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { findWorkspaceRoot } from '@gridcare/postgres';
import { loadDemoCity } from '../demo/load-demo-city';
import { cityGridSeedEnv } from './city-grid-seed';
import { openPlatformDatabase } from './platform-database';
import { discoverServiceApps, startService, stopServices } from './platform-services';

const log = (line: string) => console.log(`gridcare: ${line}`);

async function main(): Promise<void> {
  const root = findWorkspaceRoot(__dirname);
  const database = await openPlatformDatabase(root, log);
  const apps = discoverServiceApps(root);
  const children: ChildProcess[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping…');
    await stopServices(children);
    await database.embedded?.stop();
    log('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  if (apps.length > 0) {
    log(`building ${apps.map((app) => app.name).join(', ')}`);
    // Asynchronous: PostgreSQL is already up, and this process must keep reading its log pipe
    // (and hear Ctrl-C) while Nx builds.
    const build = spawn(join(root, 'node_modules', '.bin', 'nx'), ['run-many', '-t', 'build', '--projects', apps.map((a) => a.name).join(','), '--outputStyle=static'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    });
    const status = await new Promise<number>((resolve) => {
      build.once('error', () => resolve(1));
      build.once('exit', (code) => resolve(code ?? 1));
    });
    if (status !== 0) return stop(1);
  }
  const env = { ...process.env, DATABASE_URL: database.url, GRIDCARE_FIRST_START: String(database.firstStart), ...cityGridSeedEnv(root, database.firstStart) };
  for (const app of apps) {
    const child = startService(app, env, console.log);
    child.once('exit', (code, signal) => {
      if (!stopping) log(`${app.name} exited (${signal ?? code}); stopping the platform`);
      void stop(code ?? 1);
    });
    children.push(child);
    log(`${app.name} → http://localhost:${app.port}/graphql`);
  }
  // The gateway starts last (discoverServiceApps): it serves the checked-in supergraph and needs
  // no subgraph to be up to start, but its queries do.
  const gateway = apps.find((app) => app.name === 'gateway');
  if (gateway) {
    const gatewayUrl = `http://localhost:${gateway.port}/graphql`;
    log(`the graph (gateway, every service's subgraph in one): ${gatewayUrl}`);
    log('a token for it: npm run -s token -- --role administrator (or --role community_worker --community <id>; see docs/access.md)');
    if (database.firstStart && demoCityWanted()) {
      try {
        const loaded = await loadDemoCity(gatewayUrl, log);
        const tiers = loaded.residents.reduce<Record<string, number>>((count, resident) => ({ ...count, [resident.tier]: (count[resident.tier] ?? 0) + 1 }), {});
        log(`demo city loaded: ${loaded.residents.length} residents (${Object.entries(tiers).map(([tier, n]) => `${n} ${tier}`).join(', ')}) in communities ${[...new Set(loaded.residents.map((r) => r.communityId))].join(', ')}`);
        if (loaded.referral) log(`demo city: referral ${loaded.referral.id} ${loaded.referral.status} to ${loaded.referral.facility ?? 'a facility'}`);
        log(`try: TOKEN=$(npm run -s token -- --role community_worker --community ${loaded.residents[0].communityId} --actor worker-demo-1)`);
        log(`     curl -s ${gatewayUrl} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{"query":"{ workerWorklist(workerId: \\"worker-demo-1\\") { edges { node { fullName tier dueOn daysOverdue } } } }"}'`);
      } catch (error) {
        log(`demo city not loaded: ${(error as Error).message}`);
      }
    }
  }
  if (apps.length === 0) log('no services yet: PostgreSQL and the event store are up; the service issues add apps/*');
  // The embedded server's password is a fixed development one; a real server's is masked.
  log(`database: ${database.embedded ? database.url : database.url.replace(/:[^:@/]*@/, ':***@')}`);
  log('press Ctrl-C to stop');
}


/** `npm start -- --empty`, or GRIDCARE_DEMO_CITY=false: a first start loads nothing. */
function demoCityWanted(): boolean {
  return !process.argv.includes('--empty') && process.env.GRIDCARE_DEMO_CITY !== 'false';
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
