import { CommandContext } from '@gridcare/nest-event-sourcing';
import { actorOfIdentity, coversArea, describeJurisdiction, Identity, isReadOnly, Jurisdiction, ResidentArea, Role } from '@gridcare/identity';
import { GraphQLError } from 'graphql';
import { identityOf, ResidentsContext } from './request-actor';

/**
 * Who may read and change what in the residents subgraph (docs/access.md): every operation
 * needs an identity; referral desks read nothing here; auditors change nothing; a resident
 * outside the identity's jurisdiction is neither shown nor changed.
 */

/** A command's context with the jurisdiction it is limited to; none for internal actors (policies, imports). */
export interface ScopedCommandContext extends CommandContext {
  readonly jurisdiction?: Jurisdiction;
}

function forbidden(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

/** Roles that read nothing of the residents subgraph (a referral desk works from its queue). */
const NO_READ_ROLES: ReadonlySet<Role> = new Set(['referral_desk']);

/** The identity of a query, refused (FORBIDDEN) to roles that read nothing here. */
export function readerOf(context: ResidentsContext): Identity {
  const identity = identityOf(context);
  if (NO_READ_ROLES.has(identity.role)) throw forbidden(`role ${identity.role} may not read residents`);
  return identity;
}

/**
 * The identity of a mutation: refused (FORBIDDEN) to read-only roles, and, when `roles` is
 * given, to roles not among them. `what` completes "may not ...".
 */
export function actingIdentity(context: ResidentsContext, what: string, roles?: readonly string[]): Identity {
  const identity = identityOf(context);
  if (isReadOnly(identity.role)) throw forbidden(`role ${identity.role} is read-only: it may not ${what}`);
  if (roles && !roles.includes(identity.role)) throw forbidden(`role ${identity.role} may not ${what}; only ${roles.join(', ')} may`);
  return identity;
}

/** The context of a command a mutation sends: the identity's actor, limited to its jurisdiction. */
export function commandContextOf(identity: Identity): ScopedCommandContext {
  return { actor: actorOfIdentity(identity), jurisdiction: identity.jurisdiction };
}

/** The resident lives outside the acting identity's jurisdiction; nothing was written or shown. */
export class OutsideJurisdiction extends Error {
  constructor(
    readonly residentId: string,
    jurisdiction: Jurisdiction,
  ) {
    super(`resident ${residentId} is outside your jurisdiction (${describeJurisdiction(jurisdiction)})`);
    this.name = 'OutsideJurisdiction';
  }
}

/** Throws OutsideJurisdiction unless a resident living in `area` is in `jurisdiction` (none: no limit). */
export function assertInJurisdiction(jurisdiction: Jurisdiction | undefined, area: ResidentArea, residentId: string): void {
  if (jurisdiction && !coversArea(jurisdiction, area)) throw new OutsideJurisdiction(residentId, jurisdiction);
}

/** As assertInJurisdiction, as the FORBIDDEN GraphQL error a read answers with. */
export function assertMayReadResident(identity: Identity, area: ResidentArea, residentId: string): void {
  if (!coversArea(identity.jurisdiction, area)) throw forbidden(new OutsideJurisdiction(residentId, identity.jurisdiction).message);
}
