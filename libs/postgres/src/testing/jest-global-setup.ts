import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../embedded/start-embedded-postgres';

/**
 * One PostgreSQL server per test run. With DATABASE_URL set, tests use that server;
 * otherwise an embedded one is started in a temporary folder and removed at the end.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.DATABASE_URL) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'gridcare-test-pg-'));
  const server = await startEmbeddedPostgres({ dataDir, persistent: false, fastUnsafe: true });
  process.env.DATABASE_URL = server.url;
  (globalThis as { __gridcarePostgres?: { stop(): Promise<void> } }).__gridcarePostgres = server;
}
