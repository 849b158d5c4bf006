// Applies every project's migrations to DATABASE_URL (what deploys run before services
// start; `prisma migrate deploy` per project does the same and records the same rows).
import { applyAllMigrations, discoverMigrationSets, findWorkspaceRoot } from '@gridcare/postgres';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('set DATABASE_URL to the database to migrate');
  for (const result of await applyAllMigrations(url, discoverMigrationSets(findWorkspaceRoot(__dirname)))) {
    console.log(`${result.dbSchema}: applied ${result.applied.join(', ') || 'nothing'}; ${result.alreadyApplied.length} already applied`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
