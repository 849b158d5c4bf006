import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { actorOfIdentity, Identity } from '@gridcare/identity';
import { DeclineReason, Direction, Severity } from '@gridcare/referrals-contracts';
import { Tier } from '@gridcare/residents-contracts';
import { ReferralsPrisma } from '../database/referrals-database.module';
import { ReferralAccess } from '../identity/referral-access';
import { GraphQLContext, identityOf } from '../identity/request-actor';
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

/**
 * Each mutation answers with the referral once the read models show what it changed. Who may
 * act on what (referral-access.ts) is checked before the command runs: a refusal writes nothing.
 */
@Resolver()
export class ReferralsMutationResolver {
  constructor(
    private readonly commands: CommandBus,
    private readonly projections: ReferralsProjections,
    private readonly prisma: ReferralsPrisma,
    private readonly access: ReferralAccess,
  ) {}

  @Mutation('requestReferral')
  async requestReferral(@Args('input') input: RequestReferralInput, @Context() context: GraphQLContext) {
    const identity = identityOf(context);
    this.access.assertMayChange(identity, 'request a referral');
    // A desk refers from its own facility.
    this.access.assertOwnFacility(identity, input.fromFacilityId, 'request a referral');
    if (identity.role !== 'referral_desk') await this.access.assertResidentInJurisdiction(identity, input.residentId, input.communityId, 'request a referral');
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
    return this.run(new RequestReferralCommand(request, { actor: actorOfIdentity(identity) }));
  }

  @Mutation('acceptReferral')
  async acceptReferral(@Args('referralId') referralId: string, @Args('facilityId') facilityId: string, @Context() context: GraphQLContext) {
    const identity = await this.atFacility(context, referralId, facilityId, 'accept a referral');
    return this.run(new AcceptReferralCommand(referralId, facilityId, { actor: actorOfIdentity(identity) }), referralId);
  }

  @Mutation('declineReferral')
  async declineReferral(
    @Args('referralId') referralId: string,
    @Args('facilityId') facilityId: string,
    @Args('reason') reason: string,
    @Args('note') note: string | undefined,
    @Context() context: GraphQLContext,
  ) {
    const identity = await this.atFacility(context, referralId, facilityId, 'decline a referral');
    return this.run(new DeclineReferralCommand(referralId, facilityId, fromGraphQLEnum<DeclineReason>(reason), note ?? null, { actor: actorOfIdentity(identity) }), referralId);
  }

  @Mutation('markInTransit')
  async markInTransit(@Args('referralId') referralId: string, @Context() context: GraphQLContext) {
    const identity = identityOf(context);
    await this.access.assertMayActOn(identity, referralId, 'mark a referral in transit');
    return this.step(referralId, { type: 'StartTransit' }, identity);
  }

  @Mutation('recordEmergencyObservation')
  async recordEmergencyObservation(@Args('referralId') referralId: string, @Args('facilityId') facilityId: string, @Context() context: GraphQLContext) {
    const identity = await this.atFacility(context, referralId, facilityId, 'record emergency observation');
    return this.run(new StartEmergencyObservationCommand(referralId, facilityId, { actor: actorOfIdentity(identity) }), referralId);
  }

  @Mutation('recordAdmission')
  async recordAdmission(@Args('referralId') referralId: string, @Args('facilityId') facilityId: string, @Context() context: GraphQLContext) {
    const identity = await this.atFacility(context, referralId, facilityId, 'record an admission');
    return this.step(referralId, { type: 'AdmitPatient', facilityId }, identity);
  }

  @Mutation('recordDischarge')
  async recordDischarge(@Args('referralId') referralId: string, @Args('facilityId') facilityId: string, @Context() context: GraphQLContext) {
    const identity = await this.atFacility(context, referralId, facilityId, 'record a discharge');
    return this.step(referralId, { type: 'DischargePatient', facilityId }, identity);
  }

  @Mutation('cancelReferral')
  async cancelReferral(@Args('referralId') referralId: string, @Args('reason') reason: string, @Context() context: GraphQLContext) {
    const identity = identityOf(context);
    await this.access.assertMayActOn(identity, referralId, 'cancel a referral');
    return this.step(referralId, { type: 'CancelReferral', reason }, identity);
  }

  @Mutation('referDown')
  async referDown(@Args('input') input: ReferDownInput, @Context() context: GraphQLContext) {
    const identity = await this.atFacility(context, input.referralId, input.facilityId, 'refer a patient down');
    // A desk refers down only a patient admitted at its own facility.
    if (identity.role === 'referral_desk') await this.access.assertMayActOn(identity, input.referralId, 'refer a patient down', 'admitted at');
    const assessment = { severity: fromGraphQLEnum<Severity>(input.severity), spo2: input.spo2 ?? null };
    return this.run(new ReferDownCommand(input.referralId, input.facilityId, assessment, { actor: actorOfIdentity(identity) }), input.referralId);
  }

  /**
   * A facility's answer to a referral: not by an auditor; a desk only for its own facility
   * (whether the referral is routed there is the referral's to say: CONFLICT); anyone else only
   * on a referral they may read.
   */
  private async atFacility(context: GraphQLContext, referralId: string, facilityId: string, action: string): Promise<Identity> {
    const identity = identityOf(context);
    this.access.assertMayChange(identity, action);
    this.access.assertOwnFacility(identity, facilityId, action);
    if (identity.role !== 'referral_desk') await this.access.assertMayActOn(identity, referralId, action);
    return identity;
  }

  private step(referralId: string, step: ReferralStep, identity: Identity) {
    return this.run(new ReferralStepCommand(referralId, step, { actor: actorOfIdentity(identity) }), referralId);
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
