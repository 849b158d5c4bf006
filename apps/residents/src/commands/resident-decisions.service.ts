import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { GlobalPosition } from '@gridcare/event-store';
import { AggregateStore, Clock, CLOCK, CommandContext, CreateOutcome } from '@gridcare/nest-event-sourcing';
import { residentStream } from '@gridcare/residents-contracts';
import { AntiviralContext, cityDate, defaultAntiviralRuleSet, RegisterResident, ResidentCommand, residentDecider, TriageContext, TriageRuleSet } from '@gridcare/residents-domain';
import { ScopedCommandContext } from '../identity/resident-access';
import { TriageRuleSets } from '../rule-sets/triage-rule-sets.service';
import { residentDeciderWithin } from './resident-in-jurisdiction';

/** A resident command without the parts this service supplies (decision id, city date, rule sets). */
export type ResidentCommandInput = ResidentCommand extends infer C ? (C extends ResidentCommand ? Omit<C, keyof TriageContext | keyof AntiviralContext> : never) : never;

export interface ResidentDecisionResult {
  residentId: string;
  eventTypes: string[];
  position: GlobalPosition | null;
}

/**
 * The commands that decide antiviral eligibility carry its rule set: the shipped one, as
 * antiviral eligibility rule sets are not published as events yet.
 */
const ASSESSES_ANTIVIRALS: ReadonlySet<string> = new Set<ResidentCommand['type']>(['ReportInfection', 'AssessAntiviralEligibility']);

/**
 * How often a change re-decides after losing a race for the resident's stream. Every round of
 * a race has a winner, so N writers at once need up to N - 1 retries: a family doctor, a
 * worker, the vaccination policy and a re-triage run can all touch one resident at a moment.
 */
const CHANGE_RETRIES = 10;

/**
 * Runs the resident decider for one command: supplies the decision id, today's date in the
 * city's time zone and the rule set in force, so the decision is pure and can be re-run.
 * A concurrent write to the same resident is re-decided on the new state, never overwritten.
 */
@Injectable()
export class ResidentDecisions {
  constructor(
    private readonly aggregates: AggregateStore,
    private readonly ruleSets: TriageRuleSets,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * `ruleSet`: a bulk run (a census import) fixes the rule set in force when it started. A
   * context's jurisdiction refuses (OutsideJurisdiction) a resident living outside it.
   */
  async decide(residentId: string, input: ResidentCommandInput, context: ScopedCommandContext, ruleSet?: TriageRuleSet): Promise<ResidentDecisionResult> {
    const command = {
      ...input,
      decisionId: randomUUID(),
      asOf: cityDate(this.clock.now()),
      ruleSet: ruleSet ?? (await this.ruleSets.current()),
      ...(ASSESSES_ANTIVIRALS.has(input.type) ? { antiviralRuleSet: defaultAntiviralRuleSet() } : {}),
    } as ResidentCommand;
    const retries = input.type === 'RegisterResident' ? 0 : CHANGE_RETRIES;
    // A registration creates the stream: decided on an empty state, refused by the store if it exists.
    const result = await this.aggregates.execute(residentStream(residentId), residentDeciderWithin(context.jurisdiction, residentId), command, context, { retries, createsStream: input.type === 'RegisterResident' });
    return { residentId, eventTypes: result.appended.map((event) => event.type), position: result.position };
  }

  /**
   * Registers many residents at once (a census import), each with their first triage decision,
   * in one bulk append. Residents must be distinct; one already registered is reported as
   * `exists`, one the decider refuses as `rejected`, and neither holds the others back.
   */
  async registerMany(inputs: readonly Omit<RegisterResident, keyof TriageContext>[], context: CommandContext, ruleSet: TriageRuleSet): Promise<CreateOutcome[]> {
    const asOf = cityDate(this.clock.now());
    const commands = inputs.map((input) => ({
      streamId: residentStream(input.residentId),
      command: { ...input, decisionId: randomUUID(), asOf, ruleSet } as ResidentCommand,
    }));
    return this.aggregates.createMany(residentDecider, commands, context);
  }
}
