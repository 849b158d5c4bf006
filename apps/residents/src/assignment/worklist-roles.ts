import { Identity } from '@gridcare/identity';

/**
 * Who may read any worker's worklist (within their jurisdiction): those who oversee and assign
 * the workers' workloads, and auditors. Everyone else reads only their own (workerId = their
 * actor id): a community worker sees what they are to do, not a colleague's list.
 */
export const WORKLIST_OVERSIGHT_ROLES: readonly string[] = ['administrator', 'command_centre', 'auditor'];

export function mayReadWorklistOf(identity: Identity, workerId: string): boolean {
  return workerId === identity.actorId || WORKLIST_OVERSIGHT_ROLES.includes(identity.role);
}
