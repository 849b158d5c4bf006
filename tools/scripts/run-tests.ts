// The test command: one PostgreSQL for the whole run (embedded unless DATABASE_URL is
// set), then lint, typecheck and every project's jest through Nx, then one closing line.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findWorkspaceRoot, startEmbeddedPostgres, RunningPostgres } from '@gridcare/postgres';

interface Summary {
  project: string;
  passed: number;
  failed: number;
  skipped: number;
}

async function main(): Promise<number> {
  const root = findWorkspaceRoot(__dirname);
  const resultsDir = join(root, 'tmp', 'test-results');
  rmSync(resultsDir, { recursive: true, force: true });
  let server: RunningPostgres | undefined;
  const env: NodeJS.ProcessEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' };
  if (!env.DATABASE_URL) {
    server = await startEmbeddedPostgres({ dataDir: mkdtempSync(join(tmpdir(), 'gridcare-test-pg-')), persistent: false, fastUnsafe: true });
    env.DATABASE_URL = server.url;
    console.log(`gridcare: embedded PostgreSQL for this test run on port ${server.port}`);
  } else {
    console.log('gridcare: testing against DATABASE_URL');
  }
  const extra = process.argv.slice(2);
  // Asynchronous on purpose: this process keeps its event loop free while Nx runs.
  const nx = (targets: string) =>
    new Promise<number>((resolve) => {
      const child = spawn(join(root, 'node_modules', '.bin', 'nx'), ['run-many', '-t', ...targets.split(' '), '--parallel=2', '--outputStyle=static', ...extra], {
        cwd: root,
        env,
        stdio: 'inherit',
      });
      child.once('error', () => resolve(1));
      child.once('exit', (code) => resolve(code ?? 1));
    });
  let status = 0;
  try {
    status = await nx('lint typecheck');
    const testStatus = await nx('test');
    status ||= testStatus;
  } finally {
    await server?.stop();
  }
  const summaries: Summary[] = existsSync(resultsDir)
    ? readdirSync(resultsDir).map((file) => JSON.parse(readFileSync(join(resultsDir, file), 'utf8')) as Summary)
    : [];
  const total = (key: keyof Omit<Summary, 'project'>) => summaries.reduce((sum, s) => sum + s[key], 0);
  for (const s of summaries.sort((a, b) => a.project.localeCompare(b.project))) {
    console.log(`  ${s.project.padEnd(24)} ${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`);
  }
  console.log(`${total('passed')} passed, ${total('failed')} failed, ${total('skipped')} skipped`);
  return status || (total('failed') > 0 ? 1 : 0) || (summaries.length === 0 ? 1 : 0);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
