import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { DeclineReason, Direction, Severity } from '@gridcare/referrals-contracts';
import { Tier } from '@gridcare/residents-contracts';
import { ReferralsPrisma } from '../database/referrals-database.module';
import { actorOf, GraphQLContext } from '../identity/request-actor';
import { ReferralsProjections } from '../projections/referrals-projections';
import {
  AcceptReferralCommand,
  DeclineReferralCommand,
  ReferDownCommand,
  ReferralCommandResult,
  ReferralStep,
  ReferralStepCommand,
  RequestReferralCommand,
  StartEmergencyObservationCommand,
} from '../referrals/referral.commands';
import { toGraphQLError } from './command-errors';
import { fromGraphQLEnum } from './graphql-enum';
import { notFound } from './graphql-errors';
import { referralView } from './referral-view';

interface RequestReferralInput {
  residentId: string;
  communityId: string;
  direction?: string | null;
  fromFacilityId?: string | null;
  tier?: string | null;
  severity: string;
  spo2?: number | null;
  ageYears: number;
  highRisk: boolean;
  needsIcu: boolean;
}

interface ReferDownInput {
  referralId: string;
  facilityId: string;
  severity: string;
  spo2?: number | null;
}

/** Each mutation answers with the referral once the read models show what it changed. */
@Resolver()
export class ReferralsMutationResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly projections: ReferralsProjections,
    private readonly prisma: ReferralsPrisma,
  ) {}

  @Mutation('requestReferral')
  requestReferral(@Args('input') input: RequestReferralInput, @Context() context: GraphQLContext) {
    const request = {
      residentId: input.residentId,
      communityId: input.communityId,
      direction: fromGraphQLEnum<Direction>(input.direction ?? 'UP'),
      fromFacilityId: input.fromFacilityId ?? null,
      tier: input.tier ? fromGraphQLEnum<Tier>(input.tier) : null,
      severity: fromGraphQLEnum<Severity>(input.severity),
      spo2: input.spo2 ?? null,
      ageYears: input.ageYears,
      highRisk: input.highRisk,
      needsIcu: input.needsIcu,
    };
    return this.run(new RequestReferralCommand(request, { actor: actorOf(context) }));
  }

  @Mutation('acceptReferral')
  acceptReferral(@Args('referralId') referralId: string, @Args('facilityId') facilityId: string, @Context() context: GraphQLContext) {
    return this.run(new AcceptReferralCommand(referralId, facilityId, { actor: actorOf(context) }), referralId);
  }

  @Mutation('declineReferral')
  declineReferral(
    @Args('referralId') referralId: string,
    @Args('facilityId') facilityId: string,
    @Args('reason') reason: string,
    @Args('note') note: string | undefined,
    @Context() context: GraphQLContext,
  ) {
    return this.run(new DeclineReferralCommand(referralId, facilityId, fromGraphQLEnum<DeclineReason>(reason), note ?? null, { actor: actorOf(context) }), referralId);
  }

  @Mutation('markInTransit')
  markInTransit(@Args('referralId') referralId: string, @Context() context: GraphQLContext) {
    return this.step(referralId, { type: 'StartTransit' }, context);
  }

  @Mutation('recordEmergencyObservation')
  recordEmergencyObservation(@Args('referralId') referralId: string, @Args('facilityId') facilityId: string, @Context() context: GraphQLContext) {
    return this.run(new StartEmergencyObservationCommand(referralId, facilityId, { actor: actorOf(context) }), referralId);
  }

  @Mutation('recordAdmission')
  recordAdmission(@Args('referralId') referralId: string, @Args('facilityId') facilityId: string, @Context() context: GraphQLContext) {
    return this.step(referralId, { type: 'AdmitPatient', facilityId }, context);
  }

  @Mutation('recordDischarge')
  recordDischarge(@Args('referralId') referralId: string, @Args('facilityId') facilityId: string, @Context() context: GraphQLContext) {
    return this.step(referralId, { type: 'DischargePatient', facilityId }, context);
  }

  @Mutation('cancelReferral')
  cancelReferral(@Args('referralId') referralId: string, @Args('reason') reason: string, @Context() context: GraphQLContext) {
    return this.step(referralId, { type: 'CancelReferral', reason }, context);
  }

  @Mutation('referDown')
  referDown(@Args('input') input: ReferDownInput, @Context() context: GraphQLContext) {
    const assessment = { severity: fromGraphQLEnum<Severity>(input.severity), spo2: input.spo2 ?? null };
    return this.run(new ReferDownCommand(input.referralId, input.facilityId, assessment, { actor: actorOf(context) }), input.referralId);
  }

  private step(referralId: string, step: ReferralStep, context: GraphQLContext) {
    return this.run(new ReferralStepCommand(referralId, step, { actor: actorOf(context) }), referralId);
  }

  private async run(command: object, referralId?: string) {
    let result: ReferralCommandResult;
    try {
      result = await this.commands.execute(command);
    } catch (error) {
      throw toGraphQLError(error, { referralId });
    }
    if (result.position) await this.projections.waitFor(result.position);
    const row = await this.prisma.referral.findUnique({ where: { referralId: result.referralId } });
    if (!row) throw notFound('referral', result.referralId);
    return referralView(row);
  }
}
