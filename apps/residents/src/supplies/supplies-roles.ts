import { Actor } from '@gridcare/event-store';

/** Who hands out contact service cards, health kits and finger oximeters. */
export const SUPPLIES_ROLES: readonly string[] = ['community_worker', 'family_doctor', 'administrator'];

/** The actor's role may not hand out supplies; nothing was written. */
export class SuppliesNotPermitted extends Error {
  constructor(readonly role: string) {
    super(`role ${role} may not hand out supplies; only ${SUPPLIES_ROLES.join(', ')} may`);
    this.name = 'SuppliesNotPermitted';
  }
}

export function assertMayHandOutSupplies(actor: Actor): void {
  if (!SUPPLIES_ROLES.includes(actor.role)) throw new SuppliesNotPermitted(actor.role);
}
