import { randomUUID } from 'node:crypto';
import { GlobalPosition, maxPosition } from '@gridcare/event-store';
import { CommandContext } from '@gridcare/nest-event-sourcing';
import { DeclineReason } from '@gridcare/referrals-contracts';
import { DownwardAssessment, ReferralRequest } from '../routing/referral-routing';

/** Opens a referral with its routing decision. */
export class RequestReferralCommand {
  constructor(
    readonly request: ReferralRequest,
    readonly context: CommandContext,
  ) {}
}

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
