import { Inject, Injectable } from '@nestjs/common';
import { describeJurisdiction, Identity, isReadOnly } from '@gridcare/identity';
import { Pool } from 'pg';
import { REFERRALS_POOL } from '../database/referrals-database.module';
import { forbidden } from '../graphql/graphql-errors';
import { queryParams, readsReferrals, referralScope, RESIDENT_COLUMNS } from './referral-scope';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What a desk may do to a referral: what is routed to its facility, or (referring down) admitted there. */
export type DeskHold = 'routed to' | 'admitted at';

/**
 * Who may read and change which referrals and facilities (docs/access.md), checked before any
 * command runs, so a refusal (FORBIDDEN, naming what was refused) writes nothing. Which roles
 * may issue which command at all stays with the handlers (referrals-roles.ts).
 */
@Injectable()
export class ReferralAccess {
  constructor(@Inject(REFERRALS_POOL) private readonly pool: Pool) {}

  /** Auditors change nothing. */
  assertMayChange(identity: Identity, action: string): void {
    if (isReadOnly(identity.role)) throw forbidden(`role ${identity.role} is read-only: may not ${action}`);
  }

  /** Roles that read no referrals are refused a referral query outright. */
  assertReadsReferrals(identity: Identity, what: string): void {
    if (!readsReferrals(identity.role)) throw forbidden(`role ${identity.role} may not read ${what}`);
  }

  /** A referral desk acts only for its own facility. */
  assertOwnFacility(identity: Identity, facilityId: string | null | undefined, action: string): void {
    if (identity.role === 'referral_desk' && facilityId !== identity.facilityId) {
      throw forbidden(`the referral desk of facility ${identity.facilityId} may not ${action} for facility ${facilityId ?? '(none named)'}`);
    }
  }

  /** Whether the identity may read referral `referralId` (false when there is no such referral). */
  async mayRead(identity: Identity, referralId: string): Promise<boolean> {
    if (!UUID.test(referralId)) return false;
    const { values, param } = queryParams([referralId]);
    const scope = referralScope(identity, param) ?? 'TRUE';
    const { rowCount } = await this.pool.query(`SELECT 1 FROM referrals.referrals r WHERE r.referral_id = $1 AND ${scope}`, values);
    return (rowCount ?? 0) > 0;
  }

  /** FORBIDDEN when the referral exists and the identity may not read it. */
  async assertMayRead(identity: Identity, referralId: string): Promise<void> {
    if (!(await this.exists(referralId))) return;
    if (!(await this.mayRead(identity, referralId))) throw forbidden(this.outside(identity, referralId));
  }

  /**
   * Before a change to a referral: a desk only when the referral is routed to (or admitted at) its
   * facility; anyone else only when they may read it. An unknown referral is left to the command
   * (NOT_FOUND).
   */
  async assertMayActOn(identity: Identity, referralId: string, action: string, hold: DeskHold = 'routed to'): Promise<void> {
    this.assertMayChange(identity, action);
    if (identity.role === 'referral_desk') {
      const facilityId = await this.routedFacility(referralId);
      if (facilityId !== null && facilityId !== identity.facilityId) {
        throw forbidden(`the referral desk of facility ${identity.facilityId} may not ${action}: referral ${referralId} is ${hold} facility ${facilityId}`);
      }
      return;
    }
    if ((await this.exists(referralId)) && !(await this.mayRead(identity, referralId))) throw forbidden(`may not ${action}: ${this.outside(identity, referralId)}`);
  }

  /**
   * Before a new referral of a resident: the resident must be in jurisdiction. The residents'
   * events (resident_facts) say where they live: district, street, community and grid. Until they
   * do, the request's community (and the grid it maps onto) does; it places the resident in no
   * district or street, so a district or street jurisdiction is refused a resident with no facts
   * (or with facts projected before the district and street were kept).
   */
  async assertResidentInJurisdiction(identity: Identity, residentId: string, communityId: string, action: string): Promise<void> {
    const { jurisdiction } = identity;
    if (jurisdiction.level === 'city') return;
    const refused = () => forbidden(`may not ${action}: resident ${residentId} is not known to be in ${describeJurisdiction(jurisdiction)}`);
    const { rows } = await this.pool.query<Record<(typeof RESIDENT_COLUMNS)[keyof typeof RESIDENT_COLUMNS], string | null>>(
      `SELECT 0 AS known, district_id, street_id, community_id, grid_id FROM referrals.resident_facts WHERE resident_id = $1::uuid
       UNION ALL SELECT 1, NULL, NULL, $2::text, (SELECT grid_id FROM referrals.grid_communities WHERE community_id = $2::text)
       ORDER BY known LIMIT 1`,
      [UUID.test(residentId) ? residentId : null, communityId],
    );
    const value = rows[0]?.[RESIDENT_COLUMNS[jurisdiction.level]];
    if (!value || !jurisdiction.ids.includes(value)) throw refused();
  }

  /**
   * Before planning the network (capacity, facilities, grids) with a narrowed jurisdiction: a
   * district's command centre plans its district's facilities and grids, a grid's its grid's
   * facilities (and redefines its grids); community and street jurisdictions plan nothing.
   */
  async assertMayPlan(identity: Identity, target: { facilityId?: string; districtIds?: readonly string[]; gridId?: string }, action: string): Promise<void> {
    const { jurisdiction } = identity;
    if (jurisdiction.level === 'city' || identity.role === 'referral_desk') return;
    const refused = () => forbidden(`may not ${action}: outside ${describeJurisdiction(jurisdiction)}`);
    const ids = new Set(jurisdiction.ids);
    if (jurisdiction.level === 'grid' && target.gridId !== undefined) {
      if (!ids.has(target.gridId)) throw refused();
      return;
    }
    if (target.facilityId !== undefined && (jurisdiction.level === 'grid' || jurisdiction.level === 'district')) {
      const { rows } = await this.pool.query<{ grid_id: string | null; district_id: string }>('SELECT grid_id, district_id FROM referrals.facilities WHERE facility_id = $1', [target.facilityId]);
      const place = rows[0] ? (jurisdiction.level === 'grid' ? rows[0].grid_id : rows[0].district_id) : null;
      if (place === null || !ids.has(place)) throw refused();
      return;
    }
    if (jurisdiction.level === 'district' && target.districtIds?.length && target.districtIds.every((id) => ids.has(id))) return;
    throw refused();
  }

  private async exists(referralId: string): Promise<boolean> {
    return (await this.routedFacility(referralId)) !== null;
  }

  private async routedFacility(referralId: string): Promise<string | null> {
    if (!UUID.test(referralId)) return null;
    const { rows } = await this.pool.query<{ facility_id: string }>('SELECT facility_id FROM referrals.referrals WHERE referral_id = $1', [referralId]);
    return rows[0]?.facility_id ?? null;
  }

  private outside(identity: Identity, referralId: string): string {
    if (identity.role === 'referral_desk') return `referral ${referralId} does not involve facility ${identity.facilityId} (this referral desk's)`;
    if (!readsReferrals(identity.role)) return `role ${identity.role} may not read referrals`;
    return `referral ${referralId} is of a resident outside ${describeJurisdiction(identity.jurisdiction)}`;
  }
}
