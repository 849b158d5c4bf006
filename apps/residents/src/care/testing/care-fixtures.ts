// Residents, actors and GraphQL documents for the care specs.
import { EventStore } from '@gridcare/event-store';
import { EVENT_STORE } from '@gridcare/nest-event-sourcing';
import { residentStream } from '@gridcare/residents-contracts';
import { nationalId, registration } from '../../testing/resident-fixtures';
import { GraphQLResponse, ResidentsTestApp } from '../../testing/residents-test-app';
import { WORKER } from '../../testing/test-identities';

export { DOCTOR, OTHER_WORKER, VACCINATOR, WORKER } from '../../testing/test-identities';

/** The registrations the specs use, by what infection makes of them; `n` keeps national IDs apart. */
export const RESIDENTS = {
  /** 40, nothing that makes him key, lives with family: green; infected, yellow. */
  adult: (n: number) => registration({ nationalId: nationalId('1985-06-15', 101 + 2 * n), sex: 'MALE', birthDate: '1985-06-15', livingAlone: false, conditions: [] }),
  /** 70, lives with family: yellow; infected, red. */
  elderly: (n: number) => registration({ nationalId: nationalId('1955-02-20', 200 + 2 * n), birthDate: '1955-02-20', livingAlone: false, conditions: [] }),
  /** 39 and living alone: green, greeted daily. */
  alone: (n: number) => registration({ nationalId: nationalId('1986-09-09', 300 + 2 * n), birthDate: '1986-09-09', livingAlone: true, conditions: [] }),
};

const EPISODE_FIELDS = `id onsetOn basis symptoms symptomsRecordedOn reportedOn reportedBy status latestSpo2
  antivirals { drug courseDays givenOn givenBy } oxygen { litres fillings chargeFen reimbursableFen }
  raisedFollowUpIntervalDays raisedFollowUpReason endedOn homeTreatmentOutcome endedBy`;
const FOLLOW_UP_FIELDS = `number dueOn intervalDays purposes basis status replaces replacedBy method outcome workerId note completedOn cancelledOn escalated`;

export const CARE_FIELDS = `id tier
  episodes { ${EPISODE_FIELDS} }
  spo2Readings { episodeId spo2 pulse measuredAt measuredOn recordedBy }
  followUps { ${FOLLOW_UP_FIELDS} }
  pendingFollowUp { ${FOLLOW_UP_FIELDS} }
  referralAssistanceRequests { episodeId reason followUpNumber requestedOn requestedBy }
  triageDecisions { trigger tier inputs firedRules { id } }`;

export interface FollowUpView {
  number: number;
  dueOn: string;
  intervalDays: number;
  purposes: string[];
  basis: string[];
  status: string;
  replaces: number | null;
  replacedBy: number | null;
  method: string | null;
  outcome: string | null;
  workerId: string | null;
  note: string | null;
  completedOn: string | null;
  cancelledOn: string | null;
  escalated: boolean;
}

export interface CareView {
  id: string;
  tier: string;
  episodes: (Record<string, unknown> & { id: string; status: string })[];
  spo2Readings: Record<string, unknown>[];
  followUps: FollowUpView[];
  pendingFollowUp: FollowUpView | null;
  referralAssistanceRequests: Record<string, unknown>[];
  triageDecisions: { trigger: string; tier: string; inputs: Record<string, unknown>; firedRules: { id: string }[] }[];
}

export type CareMutation =
  | 'reportInfection'
  | 'recordSymptoms'
  | 'recordSpo2Reading'
  | 'giveAntiviral'
  | 'fillOxygen'
  | 'endHomeTreatment'
  | 'completeFollowUp'
  | 'raiseFollowUpFrequency';

const inputType = (mutation: CareMutation) => `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
export const careMutation = (mutation: CareMutation) => `mutation ($input: ${inputType(mutation)}!) { ${mutation}(input: $input) { ${CARE_FIELDS} } }`;

/** The care specs' view of the service: mutations by name, the resident's care, the stream. */
export class CareDesk {
  constructor(readonly service: ResidentsTestApp) {}

  /** Moves the clock to nine in the morning, city time, of `date`. */
  on(date: string): void {
    this.service.clock.set(`${date}T09:00:00+08:00`);
  }

  async register(input: Record<string, unknown>): Promise<string> {
    const response = await this.service.graphql<{ registerResident: { id: string } }>(
      `mutation ($input: RegisterResidentInput!) { registerResident(input: $input) { id } }`,
      { input },
      WORKER,
    );
    if (!response.data) throw new Error(`registration failed: ${JSON.stringify(response.errors)}`);
    return response.data.registerResident.id;
  }

  send(mutation: CareMutation, input: Record<string, unknown>, actor = WORKER): Promise<GraphQLResponse<Record<string, CareView>>> {
    return this.service.graphql<Record<string, CareView>>(careMutation(mutation), { input }, actor);
  }

  /** The resident a mutation answered with; fails the test on an error. */
  async do(mutation: CareMutation, input: Record<string, unknown>, actor = WORKER): Promise<CareView> {
    const response = await this.send(mutation, input, actor);
    if (response.errors || !response.data) throw new Error(`${mutation} failed: ${JSON.stringify(response.errors)}`);
    return response.data[mutation];
  }

  /** The first error's extensions (code, field, reason...). */
  async refused(mutation: CareMutation, input: Record<string, unknown>, actor = WORKER): Promise<Record<string, unknown> | undefined> {
    const response = await this.send(mutation, input, actor);
    return response.errors?.[0]?.extensions;
  }

  async resident(id: string): Promise<CareView> {
    const response = await this.service.graphql<{ resident: CareView }>(`query ($id: ID!) { resident(id: $id) { ${CARE_FIELDS} } }`, { id });
    if (!response.data?.resident) throw new Error(`no resident ${id}: ${JSON.stringify(response.errors)}`);
    return response.data.resident;
  }

  stream(id: string) {
    return this.service.app.get<EventStore>(EVENT_STORE).readStream(residentStream(id));
  }

  /** Completes the pending follow-up as `actor`, with `outcome`. */
  complete(residentId: string, followUpNumber: number, outcome = 'STABLE', actor = WORKER): Promise<CareView> {
    return this.do('completeFollowUp', { residentId, followUpNumber, method: 'TELEPHONE', outcome, note: null }, actor);
  }

  reportInfection(residentId: string, onsetOn: string, actor = WORKER): Promise<CareView> {
    return this.do('reportInfection', { residentId, onsetOn, basis: 'ANTIGEN_TEST', symptoms: ['FEVER', 'COUGH'] }, actor);
  }

  reading(residentId: string, spo2: number, measuredAt: string, actor = WORKER): Promise<CareView> {
    return this.do('recordSpo2Reading', { residentId, spo2, pulse: 88, measuredAt }, actor);
  }
}

/** The follow-ups still pending: the schedule keeps exactly one while any is needed. */
export const pendingOf = (resident: CareView) => resident.followUps.filter((followUp) => followUp.status === 'PENDING');

/** The schedule in brief: number, due date, status. */
export const scheduleOf = (resident: CareView) => resident.followUps.map(({ number, dueOn, status }) => `${number} ${dueOn} ${status}`);

/** A valid input (besides the residentId) for every care mutation. */
export const VALID_CARE_INPUTS: Record<CareMutation, Record<string, unknown>> = {
  reportInfection: { onsetOn: '2026-01-15', basis: 'PCR_TEST', symptoms: ['FEVER'] },
  recordSymptoms: { symptoms: ['COUGH'] },
  recordSpo2Reading: { spo2: 95, pulse: 80, measuredAt: '2026-01-15T08:00:00+08:00' },
  giveAntiviral: { drug: 'nirmatrelvir/ritonavir', courseDays: 5 },
  fillOxygen: { litres: 40, reimbursableShare: 0.7 },
  endHomeTreatment: { outcome: 'RECOVERED' },
  completeFollowUp: { followUpNumber: 1, method: 'MESSAGING', outcome: 'STABLE', note: null },
  raiseFollowUpFrequency: { intervalDays: 1, reason: 'feverish' },
};
