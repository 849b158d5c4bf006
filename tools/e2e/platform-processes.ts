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
  pid: number;
  /** What it wrote, for a failing test's message. */
  output(): string;
  stop(): Promise<void>;
}

export function builtEntryPoint(app: string): string {
  return join(root, 'dist', 'apps', app, 'apps', app, 'src', 'main.js');
}

export interface StartOptions {
  /** Node flags, e.g. `--cpu-prof` for a benchmark's profile. */
  nodeOptions?: string[];
  readyTimeoutMs?: number;
}

/** What a process wrote, the last 64 KiB of it: enough for a failure's message, bounded for a long benchmark. */
const OUTPUT_KEPT = 64 * 1024;

/** Starts a built app on a free port and waits until its `/graphql` answers a POST. */
export async function startProcess(app: string, env: NodeJS.ProcessEnv, options: StartOptions = {}): Promise<PlatformProcess> {
  const main = builtEntryPoint(app);
  if (!existsSync(main)) throw new Error(`${main} is missing: build first (nx run-many -t build)`);
  const port = await findFreePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeOptions ?? []), '-r', join(root, 'tools', 'runtime', 'register-aliases.js'), main], {
    cwd: root,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', SERVICE_NAME: app },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-OUTPUT_KEPT));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}/graphql`;
  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${app} exited ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${app} did not answer within ${timeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    name: app,
    url,
    pid: child.pid as number,
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

/** Runs a built command (a path under the workspace) to its end, without blocking this process's event loop. */
export function runCommand(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    const child = spawn(process.execPath, ['-r', join(root, 'tools', 'runtime', 'register-aliases.js'), ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-OUTPUT_KEPT));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${args.join(' ')} did not end within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}
