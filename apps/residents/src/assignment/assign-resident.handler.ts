import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { GlobalPosition } from '@gridcare/event-store';
import { AggregateStore } from '@gridcare/nest-event-sourcing';
import { residentAssignmentStream } from '@gridcare/residents-contracts';
import { residentAssignmentDecider } from '@gridcare/residents-domain';
import { ResidentsPrisma } from '../database/residents-database.module';
import { AssignResidentCommand } from './assign-resident.command';
import { assertMayAssignResidents } from './assignment-roles';

export interface AssignResidentResult {
  residentId: string;
  workerId: string | null;
  position: GlobalPosition | null;
}

/**
 * How often an assignment re-decides after losing a race for the resident's assignment
 * stream: N writers at once need up to N - 1 (two leads and a workload reassignment).
 */
const ASSIGNMENT_RETRIES = 10;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Runs the assignment decider for one resident, with whether the registry knows them. */
@CommandHandler(AssignResidentCommand)
export class AssignResidentHandler implements ICommandHandler<AssignResidentCommand, AssignResidentResult> {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly prisma: ResidentsPrisma,
  ) {}

  async execute({ residentId, assignment, context }: AssignResidentCommand): Promise<AssignResidentResult> {
    assertMayAssignResidents(context.actor);
    const command = { type: 'AssignResidentToWorker' as const, residentId, registered: await this.isRegistered(residentId), ...assignment };
    const result = await this.aggregates.execute(residentAssignmentStream(residentId), residentAssignmentDecider, command, context, {
      retries: ASSIGNMENT_RETRIES,
    });
    return { residentId, workerId: result.state.workerId, position: result.position };
  }

  /** An id that is not a UUID cannot be registered. */
  private async isRegistered(residentId: string): Promise<boolean> {
    if (!UUID.test(residentId)) return false;
    return (await this.prisma.resident.count({ where: { residentId } })) > 0;
  }
}
