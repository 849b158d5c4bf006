import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { ResidentsPrisma } from '../database/residents-database.module';
import { ResidentsContext } from '../identity/request-actor';
import { actingIdentity, commandContextOf } from '../identity/resident-access';
import { ResidentsProjections } from '../projections/residents-projections';
import { ResidentSupplyCommand, ResidentSupplyInput } from '../supplies/resident-supply.command';
import { ResidentSupplyResult } from '../supplies/resident-supply.handler';
import { notFound } from './graphql-errors';
import { residentView } from './resident-view';
import { toSuppliesGraphQLError } from './supplies-errors';

type GraphQLContext = ResidentsContext;

interface ContactServiceCardInput {
  communityPhone: string;
  familyDoctorHotline: string;
  emergencyNumber?: string | null;
}

/** Each mutation answers with the resident once the read models show what was handed out. */
@Resolver()
export class SuppliesMutationResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly projections: ResidentsProjections,
    private readonly prisma: ResidentsPrisma,
  ) {}

  @Mutation('issueContactServiceCard')
  issueContactServiceCard(@Args('residentId') residentId: string, @Args('input') input: ContactServiceCardInput, @Context() context: GraphQLContext) {
    return this.supply(residentId, { type: 'IssueContactServiceCard', ...input }, context);
  }

  @Mutation('handOutHealthKits')
  handOutHealthKits(@Args('residentId') residentId: string, @Args('kits') kits: number, @Context() context: GraphQLContext) {
    return this.supply(residentId, { type: 'HandOutHealthKits', kits }, context);
  }

  @Mutation('handOutFingerOximeter')
  handOutFingerOximeter(@Args('residentId') residentId: string, @Args('serialNumber') serialNumber: string, @Context() context: GraphQLContext) {
    return this.supply(residentId, { type: 'HandOutFingerOximeter', serialNumber }, context);
  }

  @Mutation('recordFingerOximeterReturned')
  recordFingerOximeterReturned(@Args('residentId') residentId: string, @Args('serialNumber') serialNumber: string, @Context() context: GraphQLContext) {
    return this.supply(residentId, { type: 'RecordFingerOximeterReturned', serialNumber }, context);
  }

  private async supply(residentId: string, supply: ResidentSupplyInput, context: GraphQLContext) {
    // Which roles may hand out what is the handler's (supplies-roles.ts); auditors nothing.
    const identity = actingIdentity(context, 'hand out supplies');
    let result: ResidentSupplyResult;
    try {
      result = await this.commands.execute(new ResidentSupplyCommand(residentId, supply, commandContextOf(identity)));
    } catch (error) {
      throw toSuppliesGraphQLError(error, residentId);
    }
    if (result.position) await this.projections.waitFor(result.position);
    const row = await this.prisma.resident.findUnique({ where: { residentId } });
    if (!row) throw notFound('resident', residentId);
    return residentView(row);
  }
}
