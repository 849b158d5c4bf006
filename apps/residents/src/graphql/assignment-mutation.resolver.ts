import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { AssignResidentCommand } from '../assignment/assign-resident.command';
import { AssignResidentResult } from '../assignment/assign-resident.handler';
import { BulkAssignment, BulkAssignmentResult, WorkloadReassignment } from '../assignment/bulk-assignment.service';
import { ResidentsPrisma } from '../database/residents-database.module';
import { ResidentsContext } from '../identity/request-actor';
import { actingIdentity, commandContextOf } from '../identity/resident-access';
import { ResidentsProjections } from '../projections/residents-projections';
import { toAssignmentGraphQLError } from './assignment-errors';
import { notFound } from './graphql-errors';
import { residentView } from './resident-view';

type GraphQLContext = ResidentsContext;

interface AssignResidentInput {
  residentId: string;
  workerId: string;
  reason: string;
}

interface AssignResidentsInput {
  residentIds: string[];
  workerId: string;
  reason: string;
}

/** Each answers once the read models (the worklists among them) show the assignments. */
@Resolver()
export class AssignmentMutationResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly bulk: BulkAssignment,
    private readonly projections: ResidentsProjections,
    private readonly prisma: ResidentsPrisma,
  ) {}

  @Mutation('assignResidentToWorker')
  async assignResidentToWorker(@Args('input') { residentId, workerId, reason }: AssignResidentInput, @Context() context: GraphQLContext) {
    const identity = actingIdentity(context, 'assign residents to workers');
    let result: AssignResidentResult;
    try {
      result = await this.commands.execute(new AssignResidentCommand(residentId, { workerId, reason }, commandContextOf(identity)));
    } catch (error) {
      throw toAssignmentGraphQLError(error, { residentId });
    }
    if (result.position) await this.projections.waitFor(result.position);
    const row = await this.prisma.resident.findUnique({ where: { residentId } });
    if (!row) throw notFound('resident', residentId);
    return residentView(row);
  }

  @Mutation('assignResidents')
  assignResidents(@Args('input') { residentIds, workerId, reason }: AssignResidentsInput, @Context() context: GraphQLContext) {
    const identity = actingIdentity(context, 'assign residents to workers');
    return this.answer(() => this.bulk.assignResidents(residentIds, { workerId, reason }, commandContextOf(identity)));
  }

  @Mutation('reassignWorkload')
  reassignWorkload(@Args('input') input: WorkloadReassignment, @Context() context: GraphQLContext) {
    const identity = actingIdentity(context, 'assign residents to workers');
    return this.answer(() => this.bulk.reassignWorkload(input, commandContextOf(identity)), 'toWorkerId');
  }

  private async answer(run: () => Promise<BulkAssignmentResult>, workerIdField = 'workerId') {
    let result: BulkAssignmentResult;
    try {
      result = await run();
    } catch (error) {
      throw toAssignmentGraphQLError(error, { workerIdField });
    }
    // Commands of one request run concurrently: waiting for the furthest waits for them all.
    if (result.position) await this.projections.waitFor(result.position);
    return { assigned: result.assigned, unchanged: result.unchanged, refused: result.refused };
  }
}
