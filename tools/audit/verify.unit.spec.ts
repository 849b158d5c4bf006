// verifyDecisions reads the log once: decisions citing a rule set published later in the log (or
// never) are re-checked at the end, and listed in log order. A log in memory: only readAll is read.
import { EventStore, ReadAllOptions, ReadAllResult, RecordedEvent, START } from '@gridcare/event-store';
import { decisionsOf, residentCase, withCondition } from '@gridcare/audit-domain/testing';
import { residentStream, TRIAGE_RULE_SET_STREAM } from '@gridcare/residents-contracts';
import { defaultTriageRuleSet, loadTriageRuleSet, TriageRuleSet } from '@gridcare/residents-domain';
import { DEFERRED_DECISIONS_HELD, verifyDecisions } from './verify';

const metadata = { correlationId: 'c', causationId: null, actor: { id: 'doctor-17', role: 'family_doctor' } };

class LogInMemory implements Pick<EventStore, 'readAll'> {
  readonly events: RecordedEvent[] = [];
  reads = 0;

  append(streamId: string, type: string, data: unknown): void {
    const n = this.events.length + 1;
    const id = `e0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
    this.events.push({ id, streamId, revision: 0, position: { commit: BigInt(n), prepare: BigInt(n) }, type, schemaVersion: 1, data, metadata, recordedAt: new Date(0) });
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllResult> {
    this.reads++;
    const after = options.after ?? START;
    const types = options.filter?.eventTypes;
    const matching = this.events.filter((event) => event.position.prepare > after.prepare && (!types || types.includes(event.type)));
    const events = matching.slice(0, options.maxCount ?? 1000);
    const endOfLog = events.length < (options.maxCount ?? 1000);
    return { events, checkpoint: events.at(-1)?.position ?? after, endOfLog };
  }
}

/** Triage rule set 2026.2, published in the log only. */
const later = loadTriageRuleSet(withCondition(defaultTriageRuleSet().document, { fact: 'latestSpo2', op: 'lt', value: 93 }, { value: 94 }, '2026.2'));
const publish = (log: LogInMemory, ruleSet: TriageRuleSet) => log.append(TRIAGE_RULE_SET_STREAM, 'TriageRuleSetPublished', { ruleSet: ruleSet.document, hash: ruleSet.hash });
/** A resident's triage decisions, the reading decided under `ruleSet`. */
const triaged = (log: LogInMemory, n: number, ruleSet: TriageRuleSet, change: (data: Record<string, unknown>) => void = () => undefined) => {
  const residentId = `3f0e1d2c-4b5a-4697-8a8b-${String(n).padStart(12, '0')}`;
  for (const event of decisionsOf(residentCase(residentId, 70, n * 10, ruleSet), 'ResidentTriaged')) {
    const data = structuredClone(event.data) as Record<string, unknown>;
    change(data);
    log.append(residentStream(residentId), event.type, data);
  }
};
const verify = (log: LogInMemory, pageSize = 4) => verifyDecisions(log as unknown as EventStore, { pageSize });

describe('verifyDecisions in one pass', () => {
  it('finds a rule set published later in the log than the decisions citing it', async () => {
    const log = new LogInMemory();
    triaged(log, 1, later);
    triaged(log, 2, defaultTriageRuleSet());
    publish(log, later);
    const report = await verify(log);
    expect(report.tally.total).toMatchObject({ checked: 6, identical: 6, different: 0 });
    expect(report.ruleSets.find((entry) => entry.ref.version === '2026.2')).toMatchObject({ source: { from: 'log' } });
  });

  it('lists decisions citing an unknown rule set among the other differences, in log order', async () => {
    const log = new LogInMemory();
    const unpublished = loadTriageRuleSet(withCondition(defaultTriageRuleSet().document, { fact: 'latestSpo2', op: 'lt', value: 93 }, { value: 92 }, '2026.9'));
    triaged(log, 1, defaultTriageRuleSet(), (data) => (data.tier = data.tier === 'red' ? 'yellow' : 'red'));
    triaged(log, 2, unpublished);
    triaged(log, 3, defaultTriageRuleSet(), (data) => (data.tier = data.tier === 'red' ? 'yellow' : 'red'));
    const report = await verify(log);
    expect(report.tally.total).toMatchObject({ checked: 9, identical: 2, different: 7 });
    const listed = report.tally.firstDifferences.map((difference) => `${difference.streamId.slice(-1)} ${difference.field}`);
    expect(listed).toEqual(['1 tier', '1 tier', '1 tier', '2 ruleSet', '3 tier', '3 tier', '3 tier']);
  });

  it('reads the log a second time only when too many decisions cite a rule set published after them', async () => {
    // One decision under 2026.2 per resident: one more than are held, the same reading in every stream.
    const residents = DEFERRED_DECISIONS_HELD + 1;
    const [reading] = decisionsOf(residentCase('3f0e1d2c-4b5a-4697-8a8b-000000000001', 70, 0, later), 'ResidentTriaged').slice(-1);
    const readings = (log: LogInMemory) => {
      for (let n = 1; n <= residents; n++) log.append(`resident-${n}`, reading.type, reading.data);
    };
    const log = new LogInMemory();
    readings(log);
    publish(log, later);
    const report = await verify(log, 5000);
    expect(report.tally.total).toMatchObject({ checked: residents, identical: residents, different: 0 });

    // The same decisions with the rule set published first: one pass.
    const first = new LogInMemory();
    publish(first, later);
    readings(first);
    expect((await verify(first, 5000)).tally.total).toMatchObject({ checked: residents, identical: residents });
    expect(first.reads).toBe(Math.ceil((residents + 1) / 5000));
    expect(log.reads).toBe(first.reads + Math.ceil(residents / 5000));
  }, 60_000);
});
