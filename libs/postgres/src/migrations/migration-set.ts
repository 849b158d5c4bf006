import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The SQL migrations of one project, applied to the PostgreSQL schema that project owns. */
export interface MigrationSet {
  /** The Nx project that owns the schema, e.g. `event-store` or `residents`. */
  project: string;
  /** The PostgreSQL schema, e.g. `event_store` or `residents`. */
  dbSchema: string;
  /** `<project>/prisma/migrations`, in Prisma's layout. */
  migrationsDir: string;
  /** Applied before the others (the event store's schema comes first). */
  order: number;
}

export interface Migration {
  name: string;
  sql: string;
}

interface GridcarePackageJson {
  name?: string;
  gridcare?: { dbSchema?: string; migrationOrder?: number };
}

/**
 * Finds every project under apps/ and libs/ that declares `gridcare.dbSchema` in its
 * package.json and keeps migrations in `prisma/migrations`.
 */
export function discoverMigrationSets(workspaceRoot: string): MigrationSet[] {
  const sets: MigrationSet[] = [];
  for (const folder of ['libs', 'apps']) {
    const base = join(workspaceRoot, folder);
    if (!existsSync(base)) continue;
    for (const entry of readdirSync(base, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      const projectDir = join(base, entry.name);
      const packageJsonPath = join(projectDir, 'package.json');
      const migrationsDir = join(projectDir, 'prisma', 'migrations');
      if (!existsSync(packageJsonPath) || !existsSync(migrationsDir)) continue;
      const packageJson = JSON.parse(readFileSync(packageJsonPath, 'utf8')) as GridcarePackageJson;
      const dbSchema = packageJson.gridcare?.dbSchema;
      if (!dbSchema) continue;
      sets.push({
        project: relative(workspaceRoot, projectDir),
        dbSchema,
        migrationsDir,
        order: packageJson.gridcare?.migrationOrder ?? 100,
      });
    }
  }
  return sets.sort((a, b) => a.order - b.order || a.project.localeCompare(b.project));
}

/** Reads `<timestamp>_<name>/migration.sql` folders in name order, as Prisma does. */
export function readMigrations(migrationsDir: string): Migration[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(migrationsDir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(migrationsDir, name, 'migration.sql'), 'utf8') }));
}
