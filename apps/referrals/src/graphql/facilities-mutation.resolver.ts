import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { GlobalPosition } from '@gridcare/event-store';
import { Capability, FACILITY_KIND_LEVEL, FacilityKind, FacilityLevel } from '@gridcare/referrals-contracts';
import { ReferralsPrisma } from '../database/referrals-database.module';
import { ChangeFacilityCapacityCommand, FacilityCommandResult, RegisterFacilityCommand } from '../facilities/facility.commands';
import { DefineGridCommand, DefineGridResult } from '../grids/define-grid.command';
import { ReferralAccess } from '../identity/referral-access';
import { actorOf, GraphQLContext, identityOf } from '../identity/request-actor';
import { ReferralsProjections } from '../projections/referrals-projections';
import { toGraphQLError } from './command-errors';
import { fromGraphQLEnum } from './graphql-enum';
import { notFound } from './graphql-errors';
import { facilityViewById, gridViewById } from './network-rows';

interface RegisterFacilityInput {
  id: string;
  name: string;
  kind: string;
  districtId: string;
  location: { latitude: number; longitude: number };
  capabilities: string[];
  communityIds?: string[] | null;
}

interface FacilityCapacityInput {
  facilityId: string;
  icuBedsOpen: number;
  icuBedsOccupied: number;
  criticalCareDoctors: number;
  criticalCareNurses: number;
}

interface DefineGridInput {
  id: string;
  name: string;
  districtIds: string[];
  leadFacilityId: string;
  facilityIds: string[];
  communityIds: string[];
  neighbourGridIds?: string[] | null;
}

/** Each mutation answers once the read models show what it changed. */
@Resolver()
export class FacilitiesMutationResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly projections: ReferralsProjections,
    private readonly prisma: ReferralsPrisma,
    private readonly access: ReferralAccess,
  ) {}

  @Mutation('registerFacility')
  async registerFacility(@Args('input') input: RegisterFacilityInput, @Context() context: GraphQLContext) {
    const identity = identityOf(context);
    this.access.assertMayChange(identity, 'register a facility');
    await this.access.assertMayPlan(identity, { districtIds: [input.districtId] }, `register facility ${input.id}`);
    const kind = fromGraphQLEnum<FacilityKind>(input.kind);
    const registration = {
      facilityId: input.id,
      name: input.name,
      kind,
      // The kind fixes the level; the event records both.
      level: FACILITY_KIND_LEVEL[kind] as FacilityLevel,
      districtId: input.districtId,
      location: input.location,
      capabilities: input.capabilities.map((capability) => fromGraphQLEnum<Capability>(capability)),
      communityIds: input.communityIds ?? [],
    };
    const result = await this.run<FacilityCommandResult>(new RegisterFacilityCommand(registration, { actor: actorOf(context) }), input.id);
    return this.facility(result);
  }

  @Mutation('changeFacilityCapacity')
  async changeFacilityCapacity(@Args('input') input: FacilityCapacityInput, @Context() context: GraphQLContext) {
    const identity = identityOf(context);
    const action = `change the capacity of facility ${input.facilityId}`;
    this.access.assertMayChange(identity, action);
    this.access.assertOwnFacility(identity, input.facilityId, 'change capacity');
    await this.access.assertMayPlan(identity, { facilityId: input.facilityId }, action);
    const result = await this.run<FacilityCommandResult>(new ChangeFacilityCapacityCommand(input, { actor: actorOf(context) }), input.facilityId);
    return this.facility(result);
  }

  @Mutation('defineGrid')
  async defineGrid(@Args('input') input: DefineGridInput, @Context() context: GraphQLContext) {
    const identity = identityOf(context);
    this.access.assertMayChange(identity, 'define a grid');
    await this.access.assertMayPlan(identity, { gridId: input.id, districtIds: input.districtIds }, `define grid ${input.id}`);
    const { id, neighbourGridIds, ...definition } = input;
    const result = await this.run<DefineGridResult>(new DefineGridCommand({ gridId: id, ...definition, neighbourGridIds: neighbourGridIds ?? [] }, { actor: actorOf(context) }));
    if (result.position) await this.projections.waitFor(result.position);
    const grid = await gridViewById(this.prisma, result.gridId);
    if (!grid) throw notFound('grid', result.gridId);
    return grid;
  }

  private async run<R extends { position: GlobalPosition | null }>(command: object, facilityId?: string): Promise<R> {
    try {
      return await this.commands.execute(command);
    } catch (error) {
      throw toGraphQLError(error, { facilityId });
    }
  }

  private async facility(result: FacilityCommandResult) {
    if (result.position) await this.projections.waitFor(result.position);
    const facility = await facilityViewById(this.prisma, result.facilityId);
    if (!facility) throw notFound('facility', result.facilityId);
    return facility;
  }
}
