import type { Facility, Grid } from '../generated/prisma/client';
import { ReferralsPrisma } from '../database/referrals-database.module';
import { facilityView, gridView } from './facility-view';

/** Facilities with their capacity, in the order given. */
export async function facilityViews(prisma: ReferralsPrisma, rows: Facility[]) {
  const capacity = await prisma.facilityCapacity.findMany({ where: { facilityId: { in: rows.map((row) => row.facilityId) } } });
  const byFacility = new Map(capacity.map((row) => [row.facilityId, row]));
  return rows.map((row) => facilityView(row, byFacility.get(row.facilityId) ?? null));
}

export async function facilityViewById(prisma: ReferralsPrisma, facilityId: string) {
  const row = await prisma.facility.findUnique({ where: { facilityId } });
  return row ? (await facilityViews(prisma, [row]))[0] : null;
}

interface GridBeds {
  grid_id: string;
  open: number;
  occupied: number;
  held: number;
}

/** Grids with the ICU beds of their facilities summed, in the order given. */
export async function gridViews(prisma: ReferralsPrisma, rows: Grid[]) {
  const beds = await prisma.$queryRaw<GridBeds[]>`
    SELECT f.grid_id, sum(c.icu_beds_open)::int AS open, sum(c.icu_beds_occupied)::int AS occupied, sum(c.icu_beds_held)::int AS held
    FROM referrals.facilities f JOIN referrals.facility_capacity c USING (facility_id)
    WHERE f.grid_id = ANY(${rows.map((row) => row.gridId)}::text[])
    GROUP BY f.grid_id`;
  const byGrid = new Map(beds.map((row) => [row.grid_id, row]));
  return rows.map((row) => {
    const sum = byGrid.get(row.gridId);
    return gridView(row, { open: sum?.open ?? 0, occupied: sum?.occupied ?? 0, held: sum?.held ?? 0 });
  });
}

export async function gridViewById(prisma: ReferralsPrisma, gridId: string) {
  const row = await prisma.grid.findUnique({ where: { gridId } });
  return row ? (await gridViews(prisma, [row]))[0] : null;
}

/** Opaque to clients: base64url of the last id of a page. */
export const encodeCursor = (id: string): string => Buffer.from(id).toString('base64url');
export const decodeCursor = (cursor: string): string => Buffer.from(cursor, 'base64url').toString('utf8');
