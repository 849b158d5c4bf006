import { Actor } from '@gridcare/event-store';

/**
 * Who assigns residents to community workers: administrators and the command centre (within
 * its jurisdiction). A community worker may not reassign, not even their own residents:
 * workloads are balanced by whoever oversees them.
 */
export const ASSIGNMENT_ROLES: readonly string[] = ['administrator', 'command_centre'];

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
