import { Jurisdiction, jurisdictionColumn, ResidentArea } from '@gridcare/identity';
import { Prisma } from '../generated/prisma/client';

/** The read models' columns for the four area fields (residents, follow_up_worklist). */
const COLUMN: Record<keyof ResidentArea, string> = {
  districtId: 'district_id',
  streetId: 'street_id',
  communityId: 'community_id',
  gridId: 'grid_id',
};

/**
 * The jurisdiction as a Prisma condition on a model with the four area fields (Resident,
 * FollowUpWorklist): `{}` for the city.
 */
export function jurisdictionWhere(jurisdiction: Jurisdiction): { [field in keyof ResidentArea]?: { in: string[] } } {
  const column = jurisdictionColumn(jurisdiction);
  return column ? { [column.field]: { in: column.ids } } : {};
}

/** The jurisdiction as an SQL condition on a table with the four area columns: TRUE for the city. */
export function jurisdictionSql(jurisdiction: Jurisdiction): Prisma.Sql {
  const column = jurisdictionColumn(jurisdiction);
  return column ? Prisma.sql`${Prisma.raw(COLUMN[column.field])} = ANY(${column.ids}::text[])` : Prisma.sql`TRUE`;
}

/** The column of an area field, for SQL. */
export function areaColumn(field: keyof ResidentArea): Prisma.Sql {
  return Prisma.raw(COLUMN[field]);
}
