import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { forPg } from '../connection/database-url';
import { ExpectedTable, expectedTables } from './prisma-model';

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
  is_nullable: 'YES' | 'NO';
}
interface IndexRow {
  table_name: string;
  index_name: string;
  columns: string[];
  is_unique: boolean;
  is_primary: boolean;
}

const IGNORED_TABLES = new Set(['_prisma_migrations']);

/**
 * Compares a Prisma schema with the tables a migrated database really has in one
 * PostgreSQL schema: tables, columns (type, nullability) and indexes. Returns one line per
 * difference; empty means no drift. Stands in for `prisma migrate diff`, whose schema
 * engine cannot be installed on these machines.
 */
export async function findSchemaDrift(options: { prismaSchemaPath: string; databaseUrl: string; dbSchema: string }): Promise<string[]> {
  const expected = expectedTables(readFileSync(options.prismaSchemaPath, 'utf8'));
  const client = new Client({ connectionString: forPg(options.databaseUrl) });
  await client.connect();
  try {
    const columns = await client.query<ColumnRow>(
      `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = $1`,
      [options.dbSchema],
    );
    const indexes = await client.query<IndexRow>(
      `SELECT t.relname AS table_name, i.relname AS index_name, x.indisunique AS is_unique, x.indisprimary AS is_primary,
              array_agg(a.attname::text ORDER BY k.ord) AS columns
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
       WHERE n.nspname = $1
       GROUP BY t.relname, i.relname, x.indisunique, x.indisprimary`,
      [options.dbSchema],
    );
    return compare(expected, columns.rows, indexes.rows);
  } finally {
    await client.end();
  }
}

function compare(expected: ExpectedTable[], columnRows: ColumnRow[], indexRows: IndexRow[]): string[] {
  const drift: string[] = [];
  const actualTables = new Map<string, Map<string, ColumnRow>>();
  for (const row of columnRows) {
    if (IGNORED_TABLES.has(row.table_name)) continue;
    const table = actualTables.get(row.table_name) ?? new Map<string, ColumnRow>();
    table.set(row.column_name, row);
    actualTables.set(row.table_name, table);
  }
  for (const table of expected) {
    const actual = actualTables.get(table.name);
    if (!actual) {
      drift.push(`table ${table.name} is in the Prisma schema but not in the database`);
      continue;
    }
    for (const column of table.columns.values()) {
      const real = actual.get(column.name);
      if (!real) drift.push(`column ${table.name}.${column.name} is in the Prisma schema but not in the database`);
      else {
        if (column.dataType && real.data_type !== column.dataType) {
          drift.push(`column ${table.name}.${column.name} is ${real.data_type} in the database, ${column.dataType} in the Prisma schema`);
        }
        if ((real.is_nullable === 'YES') !== column.nullable) {
          drift.push(`column ${table.name}.${column.name} is ${real.is_nullable === 'YES' ? 'nullable' : 'required'} in the database, not in the Prisma schema`);
        }
      }
    }
    for (const name of actual.keys()) {
      if (!table.columns.has(name)) drift.push(`column ${table.name}.${name} is in the database but not in the Prisma schema`);
    }
    drift.push(...compareIndexes(table, indexRows.filter((row) => row.table_name === table.name)));
  }
  const expectedNames = new Set(expected.map((table) => table.name));
  for (const name of actualTables.keys()) {
    if (!expectedNames.has(name)) drift.push(`table ${name} is in the database but not in the Prisma schema`);
  }
  return drift;
}

function compareIndexes(table: ExpectedTable, actual: IndexRow[]): string[] {
  const drift: string[] = [];
  const describe = (kind: string, columns: string[]) => `${kind} (${columns.join(', ')})`;
  const actualByName = new Map(actual.map((row) => [row.index_name, row]));
  for (const index of table.indexes) {
    const real = actualByName.get(index.name);
    if (!real) {
      drift.push(`index ${index.name} on ${table.name} is in the Prisma schema but not in the database`);
      continue;
    }
    const realKind = real.is_primary ? 'primary' : real.is_unique ? 'unique' : 'normal';
    if (realKind !== index.kind || real.columns.join(',') !== index.columns.join(',')) {
      drift.push(`index ${index.name} on ${table.name} is ${describe(realKind, real.columns)} in the database, ${describe(index.kind, index.columns)} in the Prisma schema`);
    }
  }
  const expectedNames = new Set(table.indexes.map((index) => index.name));
  for (const row of actual) {
    if (!expectedNames.has(row.index_name)) drift.push(`index ${row.index_name} on ${table.name} is in the database but not in the Prisma schema`);
  }
  return drift;
}
