import { Inject, Injectable } from '@nestjs/common';
import { CapacitySnapshot, Direction, FacilityCapacity, FacilityLevel, levelRank, ReferringFacility, RoutingGrid } from '@gridcare/referrals-contracts';
import { Pool } from 'pg';
import { REFERRALS_POOL } from '../database/referrals-database.module';

const UP_FROM_GRASSROOTS: SnapshotFor = { direction: 'up', fromLevel: 'grassroots' };

/** The grassroots institution serving a community: the one serving the fewest communities, then by id. */
const HOME_FACILITY = (communityId: string) => `
  SELECT f.facility_id FROM referrals.community_facilities cf JOIN referrals.facilities f USING (facility_id)
  WHERE cf.community_id = ${communityId} AND f.level = 'grassroots'
  ORDER BY cardinality(f.community_ids), f.facility_id COLLATE "C" LIMIT 1`;

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

/** The referral a capacity snapshot is for: which way it goes, and from which level. */
export interface SnapshotFor {
  readonly direction: Direction;
  readonly fromLevel: FacilityLevel;
}

/** What routing reads of the referral network: live from the read models, or as read once for a batch. */
export interface RoutingView {
  capacitySnapshot(referral?: SnapshotFor): Promise<CapacitySnapshot>;
  grid(gridId: string): Promise<RoutingGrid | null>;
  gridOfCommunity(communityId: string): Promise<string | null>;
  homeFacility(communityId: string): Promise<string | null>;
  referringFacility(facilityId: string): Promise<ReferringFacility | null>;
}

/**
 * What routing reads of the referral network, from the read models: the capacity read model
 * (every facility a grid names, with its ICU beds), a grid and its neighbours, the grid a
 * community maps onto, the grassroots institution serving it, and a referring facility.
 */
@Injectable()
export class RoutingNetwork implements RoutingView {
  constructor(@Inject(REFERRALS_POOL) private readonly pool: Pool) {}

  /**
   * The network as routing will see it for upward referrals from the grassroots institutions of
   * these communities (the referral policy's), read in a few queries rather than a handful per
   * request: for a caller opening many referrals at once. Such a referral can only go to, or
   * consult, a hospital, so the capacity read is of the hospitals alone; anything else asked of
   * the snapshot is read live.
   */
  async snapshot(communityIds: readonly string[]): Promise<RoutingView> {
    const [capacity, grids, communities] = await Promise.all([
      this.capacitySnapshot(UP_FROM_GRASSROOTS),
      this.pool.query<{ grid_id: string; neighbour_grid_ids: string[] }>('SELECT grid_id, neighbour_grid_ids FROM referrals.grids'),
      this.pool.query<{ community_id: string; grid_id: string; home_facility_id: string | null }>(
        `SELECT gc.community_id, gc.grid_id, home.facility_id AS home_facility_id
         FROM referrals.grid_communities gc
         LEFT JOIN (SELECT DISTINCT ON (cf.community_id) cf.community_id, f.facility_id
                    FROM referrals.community_facilities cf JOIN referrals.facilities f USING (facility_id)
                    WHERE cf.community_id = ANY($1::text[]) AND f.level = 'grassroots'
                    ORDER BY cf.community_id, cardinality(f.community_ids), f.facility_id COLLATE "C") home USING (community_id)
         WHERE gc.community_id = ANY($1::text[])`,
        [communityIds],
      ),
    ]);
    const homes = communities.rows.flatMap((row) => (row.home_facility_id ? [row.home_facility_id] : []));
    const facilities = await this.pool.query<{ facility_id: string; level: FacilityLevel; latitude: number; longitude: number }>(
      'SELECT facility_id, level, latitude, longitude FROM referrals.facilities WHERE facility_id = ANY($1::text[])',
      [homes],
    );
    const community = new Map<string, { gridId: string | null; homeFacilityId: string | null }>(communityIds.map((id) => [id, { gridId: null, homeFacilityId: null }]));
    for (const row of communities.rows) community.set(row.community_id, { gridId: row.grid_id, homeFacilityId: row.home_facility_id });
    return new NetworkSnapshot(
      this,
      capacity,
      new Map(grids.rows.map((row) => [row.grid_id, { gridId: row.grid_id, neighbourGridIds: row.neighbour_grid_ids }])),
      community,
      new Map(facilities.rows.map((row) => [row.facility_id, { facilityId: row.facility_id, level: row.level, location: { latitude: row.latitude, longitude: row.longitude } }])),
    );
  }

  /**
   * The whole capacity read model (a few thousand rows): route records only the part it used.
   * For an upward referral, only the levels above the referring facility's: route neither
   * chooses nor consults any other.
   */
  async capacitySnapshot(referral?: SnapshotFor): Promise<CapacitySnapshot> {
    const levels = referral?.direction === 'up' ? FacilityLevel.options.filter((level) => levelRank(level) > levelRank(referral.fromLevel)) : FacilityLevel.options;
    const { rows } = await this.pool.query<CapacityRow>(
      `SELECT f.facility_id, f.grid_id, f.level, f.capabilities, f.latitude, f.longitude,
              c.icu_beds_open, c.icu_beds_occupied, c.icu_beds_held, c.facility_revision
       FROM referrals.facilities f JOIN referrals.facility_capacity c USING (facility_id)
       WHERE f.grid_id IS NOT NULL AND f.level = ANY($1::text[])`,
      [levels],
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
    const { rows } = await this.pool.query<{ facility_id: string | null }>(`SELECT (${HOME_FACILITY('$1')}) AS facility_id`, [communityId]);
    return rows[0]?.facility_id ?? null;
  }

  /** A facility's capabilities; null when it is not registered. */
  async capabilities(facilityId: string): Promise<FacilityCapacity['capabilities'] | null> {
    const { rows } = await this.pool.query<{ capabilities: FacilityCapacity['capabilities'] }>('SELECT capabilities FROM referrals.facilities WHERE facility_id = $1', [facilityId]);
    return rows[0]?.capabilities ?? null;
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

/** The network as read once for a batch of requests; what it was not read for is read live. */
class NetworkSnapshot implements RoutingView {
  constructor(
    private readonly live: RoutingView,
    private readonly capacity: CapacitySnapshot,
    private readonly grids: ReadonlyMap<string, RoutingGrid>,
    private readonly communities: ReadonlyMap<string, { readonly gridId: string | null; readonly homeFacilityId: string | null }>,
    private readonly facilities: ReadonlyMap<string, ReferringFacility>,
  ) {}

  /** The hospitals it read, for an upward referral from grassroots; anything else live. */
  async capacitySnapshot(referral?: SnapshotFor): Promise<CapacitySnapshot> {
    return referral?.direction === UP_FROM_GRASSROOTS.direction && referral.fromLevel === UP_FROM_GRASSROOTS.fromLevel ? this.capacity : this.live.capacitySnapshot(referral);
  }

  async grid(gridId: string): Promise<RoutingGrid | null> {
    return this.grids.get(gridId) ?? this.live.grid(gridId);
  }

  async gridOfCommunity(communityId: string): Promise<string | null> {
    const community = this.communities.get(communityId);
    return community ? community.gridId : this.live.gridOfCommunity(communityId);
  }

  async homeFacility(communityId: string): Promise<string | null> {
    const community = this.communities.get(communityId);
    return community ? community.homeFacilityId : this.live.homeFacility(communityId);
  }

  async referringFacility(facilityId: string): Promise<ReferringFacility | null> {
    return this.facilities.get(facilityId) ?? this.live.referringFacility(facilityId);
  }
}
