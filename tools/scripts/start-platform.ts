// `npm start`: the whole platform on its embedded default. Starts PostgreSQL (embedded
// unless DATABASE_URL is set), applies the migrations, builds and starts every service as
// its own process, and stops everything cleanly on Ctrl-C. Data is kept between starts.
import { spawn, ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { findWorkspaceRoot } from '@gridcare/postgres';
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
  if (gateway) log(`the graph (gateway, every service's subgraph in one): http://localhost:${gateway.port}/graphql`);
  if (apps.length === 0) log('no services yet: PostgreSQL and the event store are up; the service issues add apps/*');
  // The embedded server's password is a fixed development one; a real server's is masked.
  log(`database: ${database.embedded ? database.url : database.url.replace(/:[^:@/]*@/, ':***@')}`);
  log('press Ctrl-C to stop');
}


main().catch((error) => {
  console.error(error);
  process.exit(1);
});
