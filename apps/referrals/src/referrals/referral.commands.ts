import { randomUUID } from 'node:crypto';
import { DomainError } from '@gridcare/decider';
import { GlobalPosition, maxPosition } from '@gridcare/event-store';
import { CommandContext } from '@gridcare/nest-event-sourcing';
import { DeclineReason } from '@gridcare/referrals-contracts';
import { ReferralInputRefused } from '../routing/referral-input-refused';
import { DownwardAssessment, ReferralRequest, RoutingSnapshot } from '../routing/referral-routing';

/** Opens a referral with its routing decision. */
export class RequestReferralCommand {
  constructor(
    readonly request: ReferralRequest,
    readonly context: CommandContext,
    /** The network and policy as read once for a batch of requests (the referral policy's); read now when absent. */
    readonly routing?: RoutingSnapshot,
  ) {}
}

/** Opens many referrals at once (the referral policy's batch): each as RequestReferralCommand would, in one append. */
export class RequestReferralsCommand {
  constructor(
    readonly requests: readonly { readonly request: ReferralRequest; readonly context: CommandContext }[],
    readonly routing?: RoutingSnapshot,
  ) {}
}

/** What became of one request of RequestReferralsCommand. */
export type ReferralRequestOutcome =
  | { readonly status: 'opened'; readonly referralId: string; readonly position: GlobalPosition }
  /** The referral id is taken: requested before (a redelivered trigger). */
  | { readonly status: 'already-requested'; readonly referralId: string }
  /** Routing or the referral decider refused it; nothing was written for it. */
  | { readonly status: 'refused'; readonly referralId: string; readonly error: DomainError | ReferralInputRefused };

/** The routed facility's referral desk accepts, holding an ICU bed first when the decision needs one. */
export class AcceptReferralCommand {
  constructor(
    readonly referralId: string,
    readonly facilityId: string,
    readonly context: CommandContext,
  ) {}
}

/** The routed facility declines: the referral is routed again without it. */
export class DeclineReferralCommand {
  constructor(
    readonly referralId: string,
    readonly facilityId: string,
    readonly reason: DeclineReason,
    readonly note: string | null,
    readonly context: CommandContext,
  ) {}
}

/** A step of an accepted referral; admitting and cancelling also settle the ICU bed held for it. */
export type ReferralStep =
  | { readonly type: 'StartTransit' }
  | { readonly type: 'AdmitPatient'; readonly facilityId: string }
  | { readonly type: 'DischargePatient'; readonly facilityId: string }
  | { readonly type: 'CancelReferral'; readonly reason: string };

export class ReferralStepCommand {
  constructor(
    readonly referralId: string,
    readonly step: ReferralStep,
    readonly context: CommandContext,
  ) {}
}

/** The patient arrived at the routed facility's emergency department with no bed yet: under observation, from the service clock's now. */
export class StartEmergencyObservationCommand {
  constructor(
    readonly referralId: string,
    readonly facilityId: string,
    readonly context: CommandContext,
  ) {}
}

/** A stable patient goes back to grassroots: a downward referral of its own is opened and named. */
export class ReferDownCommand {
  constructor(
    readonly referralId: string,
    readonly facilityId: string,
    readonly assessment: DownwardAssessment,
    readonly context: CommandContext,
  ) {}
}

export interface ReferralCommandResult {
  /** The referral to show: for a referral down, the new downward referral. */
  referralId: string;
  /** The last event appended (null when nothing changed): wait for the read models with it. */
  position: GlobalPosition | null;
}

export interface AcceptReferralResult extends ReferralCommandResult {
  /** Redirected: the facility's last ICU bed was taken meanwhile, so the referral went elsewhere. */
  outcome: 'accepted' | 'redirected';
}

/** A referral's sender and its referral desk may act at once: a lost race is re-decided on the new state. */
export const REFERRAL_RETRIES = 5;

/** One correlation id for every event a request causes, across streams. */
export const correlated = (context: CommandContext): CommandContext => ({ ...context, correlationId: context.correlationId ?? randomUUID() });

export const latestPosition = (...positions: (GlobalPosition | null | undefined)[]): GlobalPosition | null =>
  positions.reduce<GlobalPosition | null>((latest, position) => (position ? (latest ? maxPosition(latest, position) : position) : latest), null);
