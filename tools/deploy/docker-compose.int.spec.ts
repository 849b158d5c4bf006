import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const available = spawnSync('docker-compose', ['version'], { encoding: 'utf8' }).status === 0;
if (!available) {
  console.log('SKIPPED: docker-compose.yml validation — docker-compose is not installed (.ci/run installs it with apt where it can)');
}

(available ? describe : describe.skip)('docker-compose.yml', () => {
  const config = () =>
    spawnSync('docker-compose', ['-f', join(root, 'docker-compose.yml'), 'config'], { cwd: root, encoding: 'utf8', env: { ...process.env } });

  it('is a valid compose file', () => {
    const result = config();
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.status).toBe(0);
  });

  it('describes EventStoreDB, PostgreSQL, the migration job and every service app', () => {
    const services = spawnSync('docker-compose', ['-f', join(root, 'docker-compose.yml'), 'config', '--services'], { cwd: root, encoding: 'utf8' })
      .stdout.trim()
      .split('\n')
      .sort();
    const apps = readdirSync(join(root, 'apps')).filter((name) => existsSync(join(root, 'apps', name, 'package.json')));
    expect(services).toEqual(expect.arrayContaining(['eventstoredb', 'migrate', 'postgres', ...apps]));
  });
});
