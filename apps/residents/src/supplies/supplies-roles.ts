import { Actor } from '@gridcare/event-store';
import { ResidentSupplyInput } from './resident-supply.command';

const WORKERS_AND_DOCTORS = ['community_worker', 'family_doctor', 'administrator'] as const;
const HAND_OUTS = [...WORKERS_AND_DOCTORS, 'volunteer_coordinator'] as const;

/**
 * Who hands out what: contact service cards come from the resident's community worker or
 * family doctor; volunteer coordinators also hand out health kits and finger oximeters (and
 * take oximeters back). Administrators may do anything.
 */
export const SUPPLIES_ROLES: Readonly<Record<ResidentSupplyInput['type'], readonly string[]>> = {
  IssueContactServiceCard: WORKERS_AND_DOCTORS,
  HandOutHealthKits: HAND_OUTS,
  HandOutFingerOximeter: HAND_OUTS,
  RecordFingerOximeterReturned: HAND_OUTS,
};

/** The actor's role may not hand out this; nothing was written. */
export class SuppliesNotPermitted extends Error {
  constructor(
    readonly role: string,
    readonly supply: ResidentSupplyInput['type'],
  ) {
    super(`role ${role} may not ${supply.replace(/[A-Z]/g, (letter, index) => (index ? ' ' : '') + letter.toLowerCase())}; only ${SUPPLIES_ROLES[supply].join(', ')} may`);
    this.name = 'SuppliesNotPermitted';
  }
}

export function assertMayHandOutSupplies(supply: ResidentSupplyInput['type'], actor: Actor): void {
  if (!SUPPLIES_ROLES[supply].includes(actor.role)) throw new SuppliesNotPermitted(actor.role, supply);
}
