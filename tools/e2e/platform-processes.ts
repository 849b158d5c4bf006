// The platform as it is deployed, for end-to-end tests: each service a process from its build
// (dist/apps/<name>), the gateway in front on the checked-in supergraph, all on one database.
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFreePort, findWorkspaceRoot } from '@gridcare/postgres';

export const root = findWorkspaceRoot(__dirname);

export interface PlatformProcess {
  name: string;
  url: string;
  /** What it wrote, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

export function builtEntryPoint(app: string): string {
  return join(root, 'dist', 'apps', app, 'apps', app, 'src', 'main.js');
}

/** Starts a built app on a free port and waits until `GET /health` (gateway) or a GraphQL POST answers. */
export async function startProcess(app: string, env: NodeJS.ProcessEnv): Promise<PlatformProcess> {
  const main = builtEntryPoint(app);
  if (!existsSync(main)) throw new Error(`${main} is missing: build first (nx run-many -t build)`);
  const port = await findFreePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['-r', join(root, 'tools', 'runtime', 'register-aliases.js'), main], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', SERVICE_NAME: app },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${app} exited ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${app} did not answer within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    name: app,
    url,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A referral network file for the referrals service's first-start seed, from `jsonLines` (tools/referrals). */
export function writeNetworkFile(path: string, jsonLines: string): string {
  writeFileSync(path, jsonLines);
  return path;
}
