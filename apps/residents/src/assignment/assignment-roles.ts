import { Actor } from '@gridcare/event-store';

/**
 * Who assigns residents to community workers: administrators, the district command centre and
 * community leads (the head of a community's workers). A community worker may not reassign,
 * not even their own residents: workloads are balanced by whoever leads them.
 */
export const ASSIGNMENT_ROLES: readonly string[] = ['administrator', 'command_centre', 'community_lead'];

/** The actor's role may not assign residents; nothing was written. */
export class AssignmentNotPermitted extends Error {
  constructor(readonly role: string) {
    super(`role ${role} may not assign residents to workers; only ${ASSIGNMENT_ROLES.join(', ')} may`);
    this.name = 'AssignmentNotPermitted';
  }
}

export function assertMayAssignResidents(actor: Actor): void {
  if (!ASSIGNMENT_ROLES.includes(actor.role)) throw new AssignmentNotPermitted(actor.role);
}
