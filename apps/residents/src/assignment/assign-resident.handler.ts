import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { GlobalPosition } from '@gridcare/event-store';
import { AggregateStore } from '@gridcare/nest-event-sourcing';
import { residentAssignmentStream } from '@gridcare/residents-contracts';
import { residentAssignmentDecider } from '@gridcare/residents-domain';
import { areaOf, loadRegisteredResident } from '../commands/resident-in-jurisdiction';
import { assertInJurisdiction } from '../identity/resident-access';
import { AssignResidentCommand } from './assign-resident.command';
import { assertMayAssignResidents } from './assignment-roles';

export interface AssignResidentResult {
  residentId: string;
  workerId: string | null;
  position: GlobalPosition | null;
}

/**
 * How often an assignment re-decides after losing a race for the resident's assignment
 * stream: N writers at once need up to N - 1 (two assigners and a workload reassignment).
 */
const ASSIGNMENT_RETRIES = 10;

/**
 * Runs the assignment decider for one resident, with whether their stream shows them
 * registered; a resident outside the acting identity's jurisdiction is refused (OutsideJurisdiction).
 */
@CommandHandler(AssignResidentCommand)
export class AssignResidentHandler implements ICommandHandler<AssignResidentCommand, AssignResidentResult> {
  constructor(private readonly aggregates: AggregateStore) {}

  async execute({ residentId, assignment, context }: AssignResidentCommand): Promise<AssignResidentResult> {
    assertMayAssignResidents(context.actor);
    const resident = await loadRegisteredResident(this.aggregates, residentId);
    if (resident) assertInJurisdiction(context.jurisdiction, areaOf(resident.placement), residentId);
    const command = { type: 'AssignResidentToWorker' as const, residentId, registered: resident !== null, ...assignment };
    const result = await this.aggregates.execute(residentAssignmentStream(residentId), residentAssignmentDecider, command, context, {
      retries: ASSIGNMENT_RETRIES,
    });
    return { residentId, workerId: result.state.workerId, position: result.position };
  }
}
