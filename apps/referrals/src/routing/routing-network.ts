import { Inject, Injectable } from '@nestjs/common';
import { CapacitySnapshot, FacilityCapacity, FacilityLevel, ReferringFacility, RoutingGrid } from '@gridcare/referrals-contracts';
import { Pool } from 'pg';
import { REFERRALS_POOL } from '../database/referrals-database.module';

interface CapacityRow {
  facility_id: string;
  grid_id: string;
  level: FacilityLevel;
  capabilities: FacilityCapacity['capabilities'];
  latitude: number;
  longitude: number;
  icu_beds_open: number;
  icu_beds_occupied: number;
  icu_beds_held: number;
  facility_revision: number;
}

/**
 * What routing reads of the referral network, from the read models: the capacity read model
 * (every facility a grid names, with its ICU beds), a grid and its neighbours, the grid a
 * community maps onto, the grassroots institution serving it, and a referring facility.
 */
@Injectable()
export class RoutingNetwork {
  constructor(@Inject(REFERRALS_POOL) private readonly pool: Pool) {}

  /** The whole capacity read model (a few thousand rows): route records only the part it used. */
  async capacitySnapshot(): Promise<CapacitySnapshot> {
    const { rows } = await this.pool.query<CapacityRow>(
      `SELECT f.facility_id, f.grid_id, f.level, f.capabilities, f.latitude, f.longitude,
              c.icu_beds_open, c.icu_beds_occupied, c.icu_beds_held, c.facility_revision
       FROM referrals.facilities f JOIN referrals.facility_capacity c USING (facility_id)
       WHERE f.grid_id IS NOT NULL`,
    );
    return rows.map((row) => ({
      facilityId: row.facility_id,
      gridId: row.grid_id,
      level: row.level,
      capabilities: row.capabilities,
      location: { latitude: row.latitude, longitude: row.longitude },
      // A capacity report may leave occupied above open after admissions; the contract keeps occupied <= open.
      icuBeds: { open: row.icu_beds_open, occupied: Math.min(row.icu_beds_occupied, row.icu_beds_open), held: row.icu_beds_held },
      facilityRevision: row.facility_revision,
    }));
  }

  async grid(gridId: string): Promise<RoutingGrid | null> {
    const { rows } = await this.pool.query<{ neighbour_grid_ids: string[] }>('SELECT neighbour_grid_ids FROM referrals.grids WHERE grid_id = $1', [gridId]);
    return rows[0] ? { gridId, neighbourGridIds: rows[0].neighbour_grid_ids } : null;
  }

  async gridOfCommunity(communityId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ grid_id: string }>('SELECT grid_id FROM referrals.grid_communities WHERE community_id = $1', [communityId]);
    return rows[0]?.grid_id ?? null;
  }

  /**
   * The grassroots institution serving the community: the one serving the fewest communities
   * (the community's own station or village clinic rather than its street's centre), then by id.
   */
  async homeFacility(communityId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ facility_id: string }>(
      `SELECT f.facility_id FROM referrals.community_facilities cf JOIN referrals.facilities f USING (facility_id)
       WHERE cf.community_id = $1 AND f.level = 'grassroots'
       ORDER BY cardinality(f.community_ids), f.facility_id COLLATE "C" LIMIT 1`,
      [communityId],
    );
    return rows[0]?.facility_id ?? null;
  }

  async referringFacility(facilityId: string): Promise<ReferringFacility | null> {
    const { rows } = await this.pool.query<{ level: FacilityLevel; latitude: number; longitude: number }>(
      'SELECT level, latitude, longitude FROM referrals.facilities WHERE facility_id = $1',
      [facilityId],
    );
    const row = rows[0];
    return row ? { facilityId, level: row.level, location: { latitude: row.latitude, longitude: row.longitude } } : null;
  }
}
