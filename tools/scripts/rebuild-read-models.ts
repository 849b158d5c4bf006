// `npm run rebuild -- <service> [<read model> ...] | --list`: rebuilds a service's read models from
// the log, with a progress bar, into new tables that are switched in when complete; a running
// service keeps answering from the old rows meanwhile. Builds the service, then runs its rebuild
// command on DATABASE_URL (npm start prints it). Administrators can do the same through the
// gateway: `rebuild<Service>ReadModel(name)`, followed with `<service>ReadModels`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { findWorkspaceRoot } from '@gridcare/postgres';

const SERVICES = ['residents', 'referrals', 'audit'];

function main(): number {
  const [service, ...rest] = process.argv.slice(2);
  if (!service || !SERVICES.includes(service)) {
    console.error(`usage: npm run rebuild -- <${SERVICES.join('|')}> [<read model> ...] | --list`);
    return 2;
  }
  if (!process.env.DATABASE_URL && !process.env[`${service.toUpperCase()}_DATABASE_URL`]) {
    console.error('set DATABASE_URL to the platform database (npm start prints it)');
    return 2;
  }
  const root = findWorkspaceRoot(__dirname);
  const build = spawnSync('npx', ['nx', 'run', `${service}:build`, '--outputStyle=static'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NX_DAEMON: 'false' } });
  if (build.status !== 0) {
    console.error(`building ${service} failed`);
    return 1;
  }
  const cli = join(root, `dist/apps/${service}/apps/${service}/src/rebuild-read-models.cli.js`);
  const run = spawnSync(process.execPath, ['-r', './tools/runtime/register-aliases.js', cli, ...rest], { cwd: root, stdio: 'inherit' });
  return run.status ?? 1;
}

process.exit(main());
