import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { ResidentCareCommand, ResidentCareInput } from '../care/resident-care.command';
import { ResidentDecisionResult } from '../commands/resident-decisions.service';
import { ResidentsPrisma } from '../database/residents-database.module';
import { ResidentsContext } from '../identity/request-actor';
import { actingIdentity, commandContextOf } from '../identity/resident-access';
import { ResidentsProjections } from '../projections/residents-projections';
import * as care from './care-inputs';
import { toCareGraphQLError } from './care-errors';
import { notFound } from './graphql-errors';
import { residentView } from './resident-view';

type GraphQLContext = ResidentsContext;

/** Each mutation answers with the resident once the read models show what it changed. */
@Resolver()
export class CareMutationResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly projections: ResidentsProjections,
    private readonly prisma: ResidentsPrisma,
  ) {}

  @Mutation('reportInfection')
  reportInfection(@Args('input') input: care.ReportInfectionInput, @Context() context: GraphQLContext) {
    return this.run(input.residentId, () => care.reportInfection(input), context);
  }

  @Mutation('recordSymptoms')
  recordSymptoms(@Args('input') input: care.RecordSymptomsInput, @Context() context: GraphQLContext) {
    return this.run(input.residentId, () => care.recordSymptoms(input), context);
  }

  @Mutation('recordSpo2Reading')
  recordSpo2Reading(@Args('input') input: care.RecordSpo2ReadingInput, @Context() context: GraphQLContext) {
    return this.run(input.residentId, () => care.recordSpo2Reading(input), context);
  }

  @Mutation('assessAntiviralEligibility')
  assessAntiviralEligibility(@Args('residentId') residentId: string, @Context() context: GraphQLContext) {
    return this.run(residentId, () => ({ type: 'AssessAntiviralEligibility' }), context);
  }

  @Mutation('giveAntiviral')
  giveAntiviral(@Args('input') input: care.GiveAntiviralInput, @Context() context: GraphQLContext) {
    return this.run(input.residentId, () => care.giveAntiviral(input), context);
  }

  @Mutation('fillOxygen')
  fillOxygen(@Args('input') input: care.FillOxygenInput, @Context() context: GraphQLContext) {
    return this.run(input.residentId, () => care.fillOxygen(input), context);
  }

  @Mutation('endHomeTreatment')
  endHomeTreatment(@Args('input') input: care.EndHomeTreatmentInput, @Context() context: GraphQLContext) {
    return this.run(input.residentId, () => care.endHomeTreatment(input), context);
  }

  @Mutation('completeFollowUp')
  completeFollowUp(@Args('input') input: care.CompleteFollowUpInput, @Context() context: GraphQLContext) {
    return this.run(input.residentId, () => care.completeFollowUp(input), context);
  }

  @Mutation('raiseFollowUpFrequency')
  raiseFollowUpFrequency(@Args('input') input: care.RaiseFollowUpFrequencyInput, @Context() context: GraphQLContext) {
    return this.run(input.residentId, () => care.raiseFollowUpFrequency(input), context);
  }

  private async run(residentId: string, careOf: () => ResidentCareInput, context: GraphQLContext) {
    // Which roles may do what in care is the handler's (care-roles.ts); auditors nothing.
    const identity = actingIdentity(context, 'change a resident\'s care');
    let result: ResidentDecisionResult;
    try {
      result = await this.commands.execute(new ResidentCareCommand(residentId, careOf(), commandContextOf(identity)));
    } catch (error) {
      throw toCareGraphQLError(error, residentId);
    }
    if (result.position) await this.projections.waitFor(result.position);
    const row = await this.prisma.resident.findUnique({ where: { residentId } });
    if (!row) throw notFound('resident', residentId);
    return residentView(row);
  }
}
