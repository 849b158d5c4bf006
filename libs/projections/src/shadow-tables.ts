import { PoolClient } from 'pg';

/** A table copied into a shadow schema, with the names its indexes had in the live schema. */
export interface ShadowTable {
  readonly table: string;
  /** Index name in the live schema, by its definition with the name and table left out. */
  readonly indexNames: ReadonlyMap<string, string>;
}

/**
 * Creates an empty shadow schema holding a copy of each table: columns, defaults, constraints,
 * identity and indexes (`LIKE … INCLUDING ALL`). A leftover shadow from a rebuild that died is
 * dropped first.
 */
export async function copyTablesInto(tx: PoolClient, live: string, shadow: string, tables: readonly string[]): Promise<ShadowTable[]> {
  await tx.query(`DROP SCHEMA IF EXISTS "${shadow}" CASCADE`);
  await tx.query(`CREATE SCHEMA "${shadow}"`);
  const copied: ShadowTable[] = [];
  for (const table of tables) {
    assertTableName(table);
    await tx.query(`CREATE TABLE "${shadow}"."${table}" (LIKE "${live}"."${table}" INCLUDING ALL)`);
    copied.push({ table, indexNames: new Map((await indexesOf(tx, live, table)).map((index) => [index.shape, index.name])) });
  }
  return copied;
}

/**
 * Inside the switch's transaction: locks the live tables (all first, so a reader holding one
 * fails the switch before anything changed), drops them, moves the shadow tables in and gives
 * their indexes (and so their constraints) the old names, which later migrations may name.
 */
export async function moveTablesBack(tx: PoolClient, live: string, shadow: string, tables: readonly ShadowTable[]): Promise<void> {
  for (const { table } of tables) await tx.query(`LOCK TABLE "${live}"."${table}" IN ACCESS EXCLUSIVE MODE`);
  for (const { table, indexNames } of tables) {
    await tx.query(`DROP TABLE "${live}"."${table}"`);
    await tx.query(`ALTER TABLE "${shadow}"."${table}" SET SCHEMA "${live}"`);
    for (const index of await indexesOf(tx, live, table)) {
      const name = indexNames.get(index.shape);
      if (name && name !== index.name) await tx.query(`ALTER INDEX "${live}"."${index.name}" RENAME TO "${name}"`);
    }
  }
  await tx.query(`DROP SCHEMA "${shadow}"`);
}

async function indexesOf(tx: PoolClient, schema: string, table: string): Promise<{ name: string; shape: string }[]> {
  const { rows } = await tx.query<{ name: string; definition: string }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = $1 AND t.relname = $2
      ORDER BY c.relname`,
    [schema, table],
  );
  // "CREATE UNIQUE INDEX name ON schema.table USING btree (a, b)" → "UNIQUE USING btree (a, b)"
  return rows.map((row) => ({ name: row.name, shape: row.definition.replace(/^CREATE (UNIQUE )?INDEX \S+ ON (ONLY )?\S+ /, '$1') }));
}

function assertTableName(table: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`unsafe table name: ${table}`);
}
