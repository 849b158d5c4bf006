import { Actor } from '@gridcare/event-store';

/** Every command the referrals service takes, by the domain's names. */
export type ReferralsCommandName =
  | 'RegisterFacility'
  | 'ChangeFacilityCapacity'
  | 'DefineGrid'
  | 'RequestReferral'
  | 'AcceptReferral'
  | 'RedirectReferral'
  | 'StartTransit'
  | 'StartEmergencyObservation'
  | 'AdmitPatient'
  | 'DischargePatient'
  | 'ReferDown'
  | 'CancelReferral';

const PLANNERS = ['command_centre', 'administrator'] as const;
const REFERRAL_DESK = ['referral_desk', 'administrator'] as const;

/**
 * Who may do what. The command centre and administrators plan the network (facilities and
 * grids). Hospital referral desks report their capacity and answer referrals: accept, decline,
 * keep under observation in the emergency department, admit, discharge, refer down. Family doctors (and the grassroots clinics they work in) refer
 * up, arrange the transfer and may cancel. `system` is the service itself acting on another
 * service's events (the referral policy that reacts to residents' events).
 * Which referrals and facilities an identity may act on (a desk's own facility, a jurisdiction,
 * auditors reading only) is checked before the command, in referral-access.ts.
 */
export const REFERRALS_ROLES: Readonly<Record<ReferralsCommandName, readonly string[]>> = {
  RegisterFacility: PLANNERS,
  DefineGrid: PLANNERS,
  ChangeFacilityCapacity: ['referral_desk', ...PLANNERS],
  RequestReferral: ['family_doctor', 'referral_desk', 'administrator', 'system'],
  AcceptReferral: REFERRAL_DESK,
  RedirectReferral: REFERRAL_DESK,
  StartTransit: ['family_doctor', ...REFERRAL_DESK],
  StartEmergencyObservation: REFERRAL_DESK,
  AdmitPatient: REFERRAL_DESK,
  DischargePatient: REFERRAL_DESK,
  ReferDown: REFERRAL_DESK,
  CancelReferral: ['family_doctor', ...REFERRAL_DESK, 'system'],
};

/** The actor's role may not do this; nothing was written. */
export class NotPermitted extends Error {
  constructor(
    readonly role: string,
    readonly command: ReferralsCommandName,
  ) {
    super(`role ${role} may not ${command.replace(/[A-Z]/g, (letter, index) => (index ? ' ' : '') + letter.toLowerCase())}; only ${REFERRALS_ROLES[command].join(', ')} may`);
    this.name = 'NotPermitted';
  }
}

export function assertMay(command: ReferralsCommandName, actor: Actor): void {
  if (!REFERRALS_ROLES[command].includes(actor.role)) throw new NotPermitted(actor.role, command);
}
