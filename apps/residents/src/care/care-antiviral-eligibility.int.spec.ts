import { actorOfIdentity } from '@gridcare/identity';
import { assessAntiviralEligibility, defaultAntiviralRuleSet } from '@gridcare/residents-domain';
import { AntiviralEligibilityAssessedData } from '@gridcare/residents-contracts';
import { ResidentsTestApp, startResidentsTestApp } from '../testing/residents-test-app';
import { CareDesk, DOCTOR, RESIDENTS, WORKER } from './testing/care-fixtures';

const ELIGIBILITY = `antiviralEligibility { decisionId outcome asOf trigger ruleSetVersion ruleSetHash firedRules { id finding } assessedBy }`;
const ASSESS = `mutation ($id: ID!) { assessAntiviralEligibility(residentId: $id) { episodes { ${ELIGIBILITY} } } }`;

interface Eligibility {
  decisionId: string;
  outcome: string;
  asOf: string;
  trigger: string;
  ruleSetVersion: string;
  ruleSetHash: string;
  firedRules: { id: string; finding: string }[];
  assessedBy: string;
}

describe('early antiviral eligibility, decided when an infection is reported and when a doctor asks', () => {
  let service: ResidentsTestApp;
  let desk: CareDesk;

  const eligibilityOf = async (id: string): Promise<Eligibility | null> => {
    const response = await service.graphql<{ resident: { episodes: { antiviralEligibility: Eligibility | null }[] } }>(`query ($id: ID!) { resident(id: $id) { episodes { ${ELIGIBILITY} } } }`, { id });
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.resident.episodes[0].antiviralEligibility;
  };
  const decisionsIn = async (id: string) =>
    (await desk.stream(id)).filter((event) => event.type === 'AntiviralEligibilityAssessed').map((event) => ({ data: event.data as AntiviralEligibilityAssessedData, metadata: event.metadata }));

  beforeAll(async () => {
    service = await startResidentsTestApp('2026-01-15T09:00:00+08:00');
    desk = new CareDesk(service);
  });
  afterAll(async () => service.close());

  it('finds a resident of 70 eligible on the report, explaining it with the rule set and the rule that fired', async () => {
    const id = await desk.register(RESIDENTS.elderly(1));
    await desk.reportInfection(id, '2026-01-13');
    expect(await eligibilityOf(id)).toEqual({
      decisionId: expect.any(String),
      outcome: 'ELIGIBLE',
      asOf: '2026-01-15',
      trigger: 'INFECTION_REPORTED',
      ruleSetVersion: '2026.1',
      ruleSetHash: defaultAntiviralRuleSet().hash,
      firedRules: [{ id: 'aged-65-and-over', finding: 'KEY_GROUP' }],
      assessedBy: WORKER.actorId,
    });
    // The recorded decision re-runs to the same outcome on its recorded inputs: what the audit relies on.
    const [{ data, metadata }] = await decisionsIn(id);
    expect(data.inputs).toMatchObject({ ageYears: 70, onsetOn: '2026-01-13', daysSinceOnset: 2 });
    expect(assessAntiviralEligibility(data.inputs, defaultAntiviralRuleSet().document)).toEqual({ outcome: data.outcome, firedRules: data.firedRules });
    expect(metadata.actor).toEqual(actorOfIdentity(WORKER));
  });

  it('finds a resident of 40 with nothing that makes him key not eligible', async () => {
    const id = await desk.register(RESIDENTS.adult(2));
    await desk.reportInfection(id, '2026-01-14');
    expect(await eligibilityOf(id)).toMatchObject({ outcome: 'NOT_ELIGIBLE', firedRules: [] });
  });

  it('decides again when a doctor asks: six days after onset the early window is past', async () => {
    const id = await desk.register(RESIDENTS.elderly(3));
    await desk.reportInfection(id, '2026-01-14');
    desk.on('2026-01-20');
    const response = await service.graphql<{ assessAntiviralEligibility: { episodes: { antiviralEligibility: Eligibility }[] } }>(ASSESS, { id }, DOCTOR);
    expect(response.errors).toBeUndefined();
    expect(response.data?.assessAntiviralEligibility.episodes[0].antiviralEligibility).toMatchObject({
      outcome: 'NOT_ELIGIBLE',
      asOf: '2026-01-20',
      trigger: 'MANUAL_REQUEST',
      firedRules: [
        { id: 'aged-65-and-over', finding: 'KEY_GROUP' },
        { id: 'past-early-window', finding: 'EXCLUSION' },
      ],
      assessedBy: DOCTOR.actorId,
    });
    const decisions = await decisionsIn(id);
    expect(decisions.map(({ data }) => data.outcome)).toEqual(['eligible', 'not-eligible']);
    expect(new Set(decisions.map(({ data }) => data.decisionId)).size).toBe(2);
  });

  it('lets only doctors and administrators ask, and refuses without an open episode; neither writes anything', async () => {
    desk.on('2026-01-21');
    const infected = await desk.register(RESIDENTS.elderly(4));
    await desk.reportInfection(infected, '2026-01-20');
    const before = (await desk.stream(infected)).length;
    const byWorker = await service.graphql(ASSESS, { id: infected }, WORKER);
    expect(byWorker.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await desk.stream(infected)).toHaveLength(before);

    const healthy = await desk.register(RESIDENTS.adult(5));
    const beforeHealthy = (await desk.stream(healthy)).length;
    const noEpisode = await service.graphql(ASSESS, { id: healthy }, DOCTOR);
    expect(noEpisode.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT' });
    expect(await desk.stream(healthy)).toHaveLength(beforeHealthy);
  });
});
