import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A service app as `apps/<name>/package.json` declares it under `gridcare.service`. */
export interface ServiceApp {
  name: string;
  port: number;
  /** The built entry point. */
  main: string;
}

export function discoverServiceApps(root: string): ServiceApp[] {
  const appsDir = join(root, 'apps');
  if (!existsSync(appsDir)) return [];
  const apps: ServiceApp[] = [];
  for (const name of readdirSync(appsDir)) {
    const packageJson = join(appsDir, name, 'package.json');
    if (!existsSync(packageJson)) continue;
    const service = (JSON.parse(readFileSync(packageJson, 'utf8')) as { gridcare?: { service?: { port: number; order?: number } } }).gridcare?.service;
    if (service) apps.push({ name, port: service.port, main: join(root, 'dist', 'apps', name, 'apps', name, 'src', 'main.js') });
  }
  // The gateway composes the others' subgraphs, so it starts last.
  return apps.sort((a, b) => Number(a.name === 'gateway') - Number(b.name === 'gateway') || a.name.localeCompare(b.name));
}

/** Starts one service as its own process, as it would be deployed. */
export function startService(app: ServiceApp, env: NodeJS.ProcessEnv, log: (line: string) => void): ChildProcess {
  const child = spawn(process.execPath, ['--enable-source-maps', '-r', join(__dirname, '..', 'runtime', 'register-aliases.js'), app.main], {
    env: { ...env, PORT: String(app.port), SERVICE_NAME: app.name },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = `[${app.name}]`;
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) log(`${prefix} ${line}`);
    });
  }
  return child;
}

export function stopServices(children: ChildProcess[]): Promise<void> {
  return Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(force);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  ).then(() => undefined);
}
