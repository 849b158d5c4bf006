// Commands and a running case history for the care specs.
import { fold } from '@gridcare/decider';
import { defaultAntiviralRuleSet } from '../antiviral/antiviral-rule-set';
import { ResidentEvent } from '../resident/resident-events';
import { residentDecider } from '../resident/resident.decider';
import { RegisteredResident } from '../resident/resident-state';
import { decisionId, RULE_SET } from '../resident/testing/resident-fixtures';
import { ResidentCommand } from '../resident/resident-commands';

export const EPISODE_ID = 'e0000000-0000-4000-8000-000000000001';

/** A command without what the service supplies (decision id, city date, rule set). */
type Without<C> = C extends ResidentCommand ? Omit<C, 'decisionId' | 'asOf' | 'ruleSet' | 'antiviralRuleSet'> : never;

/** A resident's case, commands applied one after another as the service would, day by day. */
export class CaseHistory {
  private decisions = 10;
  constructor(public events: ResidentEvent[]) {}

  /** Decides on the current state and appends what was decided; returns the new events. */
  on(asOf: string, command: Without<ResidentCommand>): ResidentEvent[] {
    const full = { decisionId: decisionId(this.decisions++), ruleSet: RULE_SET, antiviralRuleSet: defaultAntiviralRuleSet(), ...command, asOf } as ResidentCommand;
    const decided = residentDecider.decide(full, fold(residentDecider, this.events));
    this.events = [...this.events, ...decided];
    return decided;
  }

  get state(): RegisteredResident {
    return fold(residentDecider, this.events) as RegisteredResident;
  }

  get pending() {
    return this.state.followUps.pending;
  }
}

export const reportInfection = (onsetOn = '2026-01-05') =>
  ({ type: 'ReportInfection', episodeId: EPISODE_ID, onsetOn, basis: 'antigen-test', symptoms: ['fever', 'cough'] }) as const;

export const spo2 = (value: number, measuredOn: string) =>
  ({ type: 'RecordSpo2Reading', spo2: value, pulse: 88, measuredAt: `${measuredOn}T08:30:00+08:00`, measuredOn }) as const;

export const followUpDone = (followUpNumber: number, outcome: 'stable' | 'better' | 'worse' | 'not-reached' | 'needs-referral', workerId = 'chen-yawen') =>
  ({ type: 'CompleteFollowUp', followUpNumber, method: 'telephone', outcome, workerId, note: null }) as const;
