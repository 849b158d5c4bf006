import { RecordedEvent } from '@gridcare/event-store';
import { FacilityRegisteredData, GridDefinedData } from '@gridcare/referrals-contracts';
import { ReadModel } from '@gridcare/projections';
import { PoolClient } from 'pg';
import { applyNetworkEvent, CapacityRow, FACILITY_EVENT_TYPES, NetworkRows } from './referral-network-rows';
import {
  INSERT_COMMUNITY_FACILITIES,
  LOAD_CAPACITY,
  LOAD_GRID_OF_FACILITIES,
  SET_FACILITY_GRIDS,
  UPSERT_CAPACITY,
  UPSERT_FACILITIES,
  UPSERT_GRID_COMMUNITIES,
  UPSERT_GRIDS,
} from './referral-network.sql';

/**
 * The referral network from the facility and grid streams: facilities (with the grid that names
 * them), facility_capacity (the capacity read model routing sees), grids, the community-to-grid
 * lookup and the grassroots institutions serving each community. One projection, because a
 * facility's grid comes from the grid's stream, which may be defined before or after it.
 */
export const referralNetworkProjection: ReadModel = {
  name: 'referral-network',
  tables: ['facilities', 'facility_capacity', 'grids', 'grid_communities', 'community_facilities'],
  eventTypes: [...FACILITY_EVENT_TYPES, 'GridDefined'],

  async apply(events, tx) {
    const rows = await loadRows(events, tx);
    for (const event of events) applyNetworkEvent(rows, event);
    const grids = events.filter((event) => event.type === 'GridDefined').map((event) => event.data as GridDefinedData);
    const registrations = events.filter((event) => event.type === 'FacilityRegistered').map((event) => event.data as FacilityRegisteredData);
    if (rows.facilities.size) await tx.query(UPSERT_FACILITIES, [JSON.stringify([...rows.facilities.values()])]);
    if (rows.capacity.size) await tx.query(UPSERT_CAPACITY, [JSON.stringify([...rows.capacity.values()])]);
    if (rows.grids.size) await tx.query(UPSERT_GRIDS, [JSON.stringify([...rows.grids.values()])]);
    const members = grids.flatMap((grid) => grid.facilityIds.map((facilityId) => [facilityId, grid.gridId]));
    if (members.length) await tx.query(SET_FACILITY_GRIDS, columns(members));
    const communities = grids.flatMap((grid) => grid.communityIds.map((communityId) => [communityId, grid.gridId]));
    if (communities.length) await tx.query(UPSERT_GRID_COMMUNITIES, columns(communities));
    const served = registrations.flatMap((registration) => registration.communityIds.map((communityId) => [communityId, registration.facilityId]));
    if (served.length) await tx.query(INSERT_COMMUNITY_FACILITIES, columns(served));
  },
};

/** The capacity rows of the batch's facilities, and the grids already naming the facilities it registers. */
async function loadRows(events: readonly RecordedEvent[], tx: PoolClient): Promise<NetworkRows> {
  const facilityIds = new Set<string>();
  const registered = new Set<string>();
  for (const event of events) {
    if (event.type === 'GridDefined') continue;
    const { facilityId } = event.data as { facilityId: string };
    facilityIds.add(facilityId);
    if (event.type === 'FacilityRegistered') registered.add(facilityId);
  }
  const rows: NetworkRows = { facilities: new Map(), capacity: new Map(), grids: new Map(), gridOfFacility: new Map() };
  if (facilityIds.size) {
    const { rows: capacity } = await tx.query<CapacityRow>(LOAD_CAPACITY, [[...facilityIds]]);
    for (const row of capacity) rows.capacity.set(row.facility_id, row);
  }
  if (registered.size) {
    const { rows: members } = await tx.query<{ grid_id: string; facility_id: string }>(LOAD_GRID_OF_FACILITIES, [[...registered]]);
    for (const member of members) rows.gridOfFacility.set(member.facility_id, member.grid_id);
  }
  return rows;
}

/** [[a, b], ...] as two parallel arrays for unnest. */
const columns = (pairs: string[][]): [string[], string[]] => [pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])];
