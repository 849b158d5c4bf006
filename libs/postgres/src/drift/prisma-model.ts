import { get_dmmf } from '@prisma/prisma-schema-wasm';

/** A table as the Prisma schema describes it, in database names. */
export interface ExpectedTable {
  name: string;
  columns: Map<string, ExpectedColumn>;
  indexes: ExpectedIndex[];
}

export interface ExpectedColumn {
  name: string;
  /** PostgreSQL's `information_schema.columns.data_type`, or null when not checked. */
  dataType: string | null;
  nullable: boolean;
}

export interface ExpectedIndex {
  name: string;
  columns: string[];
  kind: 'primary' | 'unique' | 'normal';
}

interface DmmfField {
  name: string;
  dbName: string | null;
  kind: string;
  type: string;
  isList: boolean;
  isRequired: boolean;
  nativeType: [string, string[]] | null;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  dbName: string | null;
  fields: { name: string }[];
}
interface Dmmf {
  datamodel: { models: DmmfModel[]; enums: { name: string; dbName: string | null }[]; indexes: DmmfIndex[] };
}

const DEFAULT_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Boolean: 'boolean',
  DateTime: 'timestamp without time zone',
  Float: 'double precision',
  Decimal: 'numeric',
  Json: 'jsonb',
  Bytes: 'bytea',
};

const NATIVE_TYPES: Record<string, string> = {
  Uuid: 'uuid',
  Text: 'text',
  VarChar: 'character varying',
  Char: 'character',
  Timestamptz: 'timestamp with time zone',
  Timestamp: 'timestamp without time zone',
  Date: 'date',
  Time: 'time without time zone',
  Integer: 'integer',
  SmallInt: 'smallint',
  BigInt: 'bigint',
  Decimal: 'numeric',
  DoublePrecision: 'double precision',
  Real: 'real',
  JsonB: 'jsonb',
  Json: 'json',
  Boolean: 'boolean',
  Inet: 'inet',
};

/** `name Unsupported("xid8") ... @map("column")`: DMMF leaves these fields out. */
function unsupportedFields(schema: string, modelName: string): { field: string; column: ExpectedColumn }[] {
  const block = new RegExp(`model\\s+${modelName}\\s*\\{([\\s\\S]*?)\\n\\}`).exec(schema)?.[1] ?? '';
  const fields: { field: string; column: ExpectedColumn }[] = [];
  for (const line of block.split('\n')) {
    const match = /^\s*(\w+)\s+Unsupported\("[^"]+"\)(\?)?(.*)$/.exec(line);
    if (!match) continue;
    const name = /@map\("([^"]+)"\)/.exec(match[3])?.[1] ?? match[1];
    fields.push({ field: match[1], column: { name, dataType: null, nullable: match[2] === '?' } });
  }
  return fields;
}

/** The names Prisma gives constraints and indexes that do not set `map`. */
function defaultIndexName(table: string, columns: string[], kind: ExpectedIndex['kind']): string {
  if (kind === 'primary') return `${table}_pkey`;
  return `${table}_${columns.join('_')}_${kind === 'unique' ? 'key' : 'idx'}`;
}

/** Reads the tables a Prisma schema expects, with the same parser `prisma generate` uses. */
export function expectedTables(prismaSchema: string): ExpectedTable[] {
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema }))) as Dmmf;
  return dmmf.datamodel.models.map((model) => {
    const dbField = new Map(model.fields.map((field) => [field.name, field.dbName ?? field.name]));
    const columns = new Map<string, ExpectedColumn>();
    for (const field of model.fields) {
      if (field.kind === 'object') continue;
      const name = field.dbName ?? field.name;
      let dataType: string | null;
      if (field.isList) dataType = 'ARRAY';
      else if (field.kind === 'enum') dataType = 'USER-DEFINED';
      else if (field.nativeType) dataType = NATIVE_TYPES[field.nativeType[0]] ?? null;
      else dataType = DEFAULT_TYPES[field.type] ?? null;
      columns.set(name, { name, dataType, nullable: !field.isRequired });
    }
    for (const { field, column } of unsupportedFields(prismaSchema, model.name)) {
      columns.set(column.name, column);
      dbField.set(field, column.name);
    }
    const table = model.dbName ?? model.name;
    const indexes = dmmf.datamodel.indexes
      .filter((index) => index.model === model.name && index.type !== 'fulltext')
      .map((index) => {
        const indexColumns = index.fields.map((field) => dbField.get(field.name) ?? field.name);
        const kind = index.type === 'id' ? ('primary' as const) : index.type === 'unique' ? ('unique' as const) : ('normal' as const);
        return { name: index.dbName ?? defaultIndexName(table, indexColumns, kind), columns: indexColumns, kind };
      });
    return { name: table, columns, indexes };
  });
}
