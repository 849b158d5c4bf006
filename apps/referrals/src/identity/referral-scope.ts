import { AreaLevel, Identity, Role } from '@gridcare/identity';

/** Roles that read referrals at all (docs/access.md); vaccination teams and volunteer coordinators do not. */
const READS_REFERRALS: ReadonlySet<Role> = new Set(['community_worker', 'family_doctor', 'referral_desk', 'command_centre', 'auditor', 'administrator']);

/** Roles that read "everything in jurisdiction": the network's referrals as well as the residents'. */
const NETWORK_ROLES: ReadonlySet<Role> = new Set(['command_centre', 'auditor', 'administrator']);

export function readsReferrals(role: Role): boolean {
  return READS_REFERRALS.has(role);
}

/** The resident_facts column that places a resident at each narrowed level of jurisdiction. */
export const RESIDENT_COLUMNS: Readonly<Record<AreaLevel, 'district_id' | 'street_id' | 'community_id' | 'grid_id'>> = {
  district: 'district_id',
  street: 'street_id',
  community: 'community_id',
  grid: 'grid_id',
};

/** Adds a query parameter and answers its placeholder ($n). */
export type Param = (value: unknown) => string;

/** A parameter list to build one query with. */
export function queryParams(initial: unknown[] = []): { values: unknown[]; param: Param } {
  const values = [...initial];
  return { values, param: (value) => `$${values.push(value)}` };
}

/**
 * The referrals (rows of referrals.referrals aliased `r`) an identity may read, as an SQL
 * condition; `undefined` when it may read them all. The rules:
 * - a referral desk: the referrals that involve its facility: routed to it now or by any earlier
 *   decision (one it declined), or referred from it;
 * - everyone else in the whole city: all of them;
 * - a narrowed jurisdiction: referrals of residents in it. Where a resident lives is what the
 *   referrals service knows from the residents' events: its resident_facts read model keeps the
 *   resident's district, street, community and grid. A resident with no facts yet (or, for a
 *   district or street jurisdiction, facts projected before the district and street were kept)
 *   is not known to be in jurisdiction and is refused (narrowed out of lists);
 * - command centres, auditors and administrators with a grid or district jurisdiction also see
 *   the referrals routed to or from a facility of their grids (or districts), as the network
 *   read model places facilities: a grid's command centre runs the grid's hospitals;
 * - vaccination teams and volunteer coordinators read no referrals.
 */
export function referralScope(identity: Identity, param: Param, r = 'r'): string | undefined {
  if (!readsReferrals(identity.role)) return 'FALSE';
  if (identity.role === 'referral_desk') {
    const facility = param(identity.facilityId);
    return `(${r}.facility_id = ${facility} OR ${r}.from_facility_id = ${facility}
      OR EXISTS (SELECT 1 FROM referrals.routing_decisions d WHERE d.referral_id = ${r}.referral_id AND d.facility_id = ${facility}))`;
  }
  const { jurisdiction } = identity;
  if (jurisdiction.level === 'city') return undefined;
  const residentColumn = RESIDENT_COLUMNS[jurisdiction.level];
  const facilityColumn = NETWORK_ROLES.has(identity.role) ? { grid: 'grid_id', district: 'district_id' }[jurisdiction.level as string] : undefined;
  const ids = param(jurisdiction.ids);
  const conditions = [`EXISTS (SELECT 1 FROM referrals.resident_facts rf WHERE rf.resident_id = ${r}.resident_id AND rf.${residentColumn} = ANY(${ids}::text[]))`];
  if (facilityColumn) {
    conditions.push(`EXISTS (SELECT 1 FROM referrals.facilities f WHERE f.facility_id IN (${r}.facility_id, ${r}.from_facility_id) AND f.${facilityColumn} = ANY(${ids}::text[]))`);
  }
  return `(${conditions.join(' OR ')})`;
}
