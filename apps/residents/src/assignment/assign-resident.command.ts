import { AssignResidentToWorker } from '@gridcare/residents-domain';
import { ScopedCommandContext } from '../identity/resident-access';

/** An assignment as a client gives it: the handler adds whether the resident is registered. */
export type AssignmentInput = Pick<AssignResidentToWorker, 'workerId' | 'reason' | 'fromWorkerId'>;

/** Assign one resident to a community worker. */
export class AssignResidentCommand {
  constructor(
    readonly residentId: string,
    readonly assignment: AssignmentInput,
    readonly context: ScopedCommandContext,
  ) {}
}
