import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DeclineReason, Direction, ReferringFacility, RoutingInputs, Severity } from '@gridcare/referrals-contracts';
import { OpenedReferral, RedirectReferral, RequestReferral, RoutingContext, RoutingPolicy } from '@gridcare/referrals-domain';
import { Tier } from '@gridcare/residents-contracts';
import { ReferralInputRefused } from './referral-input-refused';
import { RoutingNetwork, RoutingView } from './routing-network';
import { RoutingPolicies } from './routing-policies.service';

/** What a referring doctor (or the referral policy) says of the patient: the routing inputs before the network fills them in. */
export interface ReferralRequest {
  /** Derive it from the triggering event to make a request idempotent; a new one otherwise. */
  readonly referralId?: string;
  readonly residentId: string;
  /** The resident's community: it fixes their grid and their home grassroots institution. */
  readonly communityId: string;
  /** Defaults to up; a downward referral without an upward one names its fromFacilityId. */
  readonly direction?: Direction;
  /** Defaults to the community's grassroots institution. */
  readonly fromFacilityId: string | null;
  readonly tier: Tier | null;
  readonly severity: Severity;
  readonly spo2: number | null;
  readonly ageYears: number;
  readonly highRisk: boolean;
  readonly needsIcu: boolean;
}

/**
 * What routing reads, read once for a batch of requests (the referral policy's): the network
 * (the capacity read model included) and the policy in force. Requests hold no beds, so opening
 * referrals does not change what the next request of the batch would read.
 */
export interface RoutingSnapshot {
  readonly network: RoutingView;
  readonly policy: RoutingPolicy;
}

/** How a patient referred down is now: the referral desk's assessment. */
export interface DownwardAssessment {
  readonly severity: Severity;
  readonly spo2: number | null;
}

/**
 * Builds the routing commands: the inputs as the network shows them (grid, referring and home
 * facility), the capacity read model as it is now, the resident's grid and the policy in
 * force. Deciding is the referral decider's.
 */
@Injectable()
export class ReferralRouting {
  constructor(
    private readonly network: RoutingNetwork,
    private readonly policies: RoutingPolicies,
  ) {}

  /** Reads the network and the policy once, for a batch of requests from these communities. */
  async snapshot(communityIds: readonly string[]): Promise<RoutingSnapshot> {
    const [network, policy] = await Promise.all([this.network.snapshot(communityIds), this.policies.current()]);
    return { network, policy };
  }

  /** `snapshot`: the network and policy as the caller read them for a batch; read now when absent. */
  async requestCommand(request: ReferralRequest, snapshot?: RoutingSnapshot): Promise<RequestReferral> {
    const { communityId } = request;
    const network = snapshot?.network ?? this.network;
    const gridId = await network.gridOfCommunity(communityId);
    if (!gridId) throw new ReferralInputRefused('communityId', `community ${communityId} maps onto no grid`);
    const homeFacilityId = await network.homeFacility(communityId);
    const fromFacilityId = request.fromFacilityId ?? homeFacilityId;
    if (!fromFacilityId) throw new ReferralInputRefused('fromFacilityId', `no grassroots institution serves community ${communityId}: name the referring facility`);
    const inputs: RoutingInputs = {
      direction: request.direction ?? 'up',
      tier: request.tier,
      severity: request.severity,
      spo2: request.spo2,
      ageYears: request.ageYears,
      highRisk: request.highRisk,
      needsIcu: request.needsIcu,
      gridId,
      from: await this.referringFacility(fromFacilityId, network),
      homeFacilityId,
      excludedFacilityIds: [],
    };
    return {
      type: 'RequestReferral',
      referralId: request.referralId ?? randomUUID(),
      residentId: request.residentId,
      parentReferralId: null,
      inputs,
      ...(await this.context(gridId, snapshot, inputs)),
    };
  }

  /** The patient goes back down from where the upward referral brought them, home first. */
  async downwardCommand(upward: OpenedReferral, assessment: DownwardAssessment, downwardReferralId: string): Promise<RequestReferral> {
    const inputs: RoutingInputs = {
      ...upward.inputs,
      direction: 'down',
      severity: assessment.severity,
      spo2: assessment.spo2,
      needsIcu: false,
      from: await this.referringFacility(upward.facilityId),
      excludedFacilityIds: [],
    };
    return {
      type: 'RequestReferral',
      referralId: downwardReferralId,
      residentId: upward.residentId,
      parentReferralId: upward.referralId,
      inputs,
      ...(await this.context(inputs.gridId)),
    };
  }

  /** A decline: the same patient routed again, on the capacity read model as it is now. */
  async redirectCommand(referral: OpenedReferral, decliningFacilityId: string, declineReason: DeclineReason, note: string | null): Promise<RedirectReferral> {
    return { type: 'RedirectReferral', referralId: referral.referralId, decliningFacilityId, declineReason, note, ...(await this.context(referral.inputs.gridId)) };
  }

  private async referringFacility(facilityId: string, network: RoutingView = this.network): Promise<ReferringFacility> {
    const from = await network.referringFacility(facilityId);
    if (!from) throw new ReferralInputRefused('fromFacilityId', `facility ${facilityId} is not registered`);
    return from;
  }

  private async context(gridId: string, snapshot?: RoutingSnapshot, inputs?: RoutingInputs): Promise<RoutingContext> {
    const network = snapshot?.network ?? this.network;
    const forReferral = snapshot && inputs ? { direction: inputs.direction, fromLevel: inputs.from.level } : undefined;
    const [grid, capacity, policy] = await Promise.all([network.grid(gridId), network.capacitySnapshot(forReferral), snapshot?.policy ?? this.policies.current()]);
    if (!grid) throw new ReferralInputRefused('communityId', `grid ${gridId} is not defined`);
    return { decisionId: randomUUID(), grid, capacity, policy };
  }
}
