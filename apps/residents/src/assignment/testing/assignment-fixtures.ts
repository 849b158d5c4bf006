// Actors, residents and GraphQL documents for the assignment and worklist specs.
import { randomUUID } from 'node:crypto';
import { actorOfIdentity } from '@gridcare/identity';
import { ResidentCommandInput, ResidentDecisions } from '../../commands/resident-decisions.service';
import { nationalId, registration } from '../../testing/resident-fixtures';
import { GraphQLResponse, ResidentsTestApp } from '../../testing/residents-test-app';
import { COMMAND_CENTRE, WORKER } from '../../testing/test-identities';

export { COMMAND_CENTRE, DOCTOR, WORKER } from '../../testing/test-identities';

/** Who assigns in these specs: the district's command centre (community leads are no role of their own). */
export const LEAD = COMMAND_CENTRE;

export const XIAZHUANG = { districtId: 'd05', streetId: 'd05-s003', communityId: 'd05-s003-c012' };
export const JINSONG = { districtId: 'd05', streetId: 'd05-s002', communityId: 'd05-s002-c007' };

export const ASSIGN = `mutation ($input: AssignResidentInput!) { assignResidentToWorker(input: $input) { id assignedWorkerId } }`;
export const ASSIGN_MANY = `mutation ($input: AssignResidentsInput!) { assignResidents(input: $input) { assigned unchanged refused { residentId code message } } }`;
export const REASSIGN_WORKLOAD = `mutation ($input: ReassignWorkloadInput!) { reassignWorkload(input: $input) { assigned unchanged refused { residentId code message } } }`;
export const ASSIGNED_WORKER = `query ($id: ID!) { resident(id: $id) { id assignedWorkerId } }`;

const ENTRY = `residentId fullName tier communityId gridId followUpNumber dueOn daysOverdue purposes escalated referralAssistance lastOutcome workerId`;
export const WORKER_WORKLIST = `query ($workerId: ID!, $first: Int, $after: String) {
  workerWorklist(workerId: $workerId, first: $first, after: $after) { asOf edges { cursor node { ${ENTRY} } } pageInfo { hasNextPage endCursor } } }`;
export const COMMUNITY_WORKLIST = `query ($communityId: ID!, $first: Int, $after: String) {
  communityWorklist(communityId: $communityId, first: $first, after: $after) { asOf edges { cursor node { ${ENTRY} } } pageInfo { hasNextPage endCursor } } }`;
export const FOLLOW_UPS_DUE = `query ($communityId: ID, $workerId: ID) { followUpsDue(communityId: $communityId, workerId: $workerId) { asOf dueToday overdue } }`;

export interface WorklistEntry {
  residentId: string;
  fullName: string;
  tier: string | null;
  communityId: string;
  gridId: string;
  followUpNumber: number;
  dueOn: string;
  daysOverdue: number;
  purposes: string[];
  escalated: boolean;
  referralAssistance: boolean;
  lastOutcome: string | null;
  workerId: string | null;
}

export interface WorklistPage {
  asOf: string;
  edges: { cursor: string; node: WorklistEntry }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export interface BulkAnswer {
  assigned: number;
  unchanged: number;
  refused: { residentId: string; code: string; message: string }[];
}

let sequence = 200;

/** A resident by the tier the rule set gives them, with a name and a place; every call a new national ID. */
export function resident(kind: 'red' | 'yellow' | 'green', fullName: string, overrides: Record<string, unknown> = {}) {
  sequence += 2; // even: female, as registration() says
  const birthDate = { red: '1950-04-04', yellow: '1958-03-12', green: '1986-09-09' }[kind];
  return registration({
    nationalId: nationalId(birthDate, sequence),
    fullName,
    birthDate,
    // Red: 75 with COPD not controlled; yellow: 67 living alone; green: 39.
    conditions: kind === 'red' ? [{ code: 'copd', controlled: false }] : [],
    ...overrides,
  });
}

export async function register(service: ResidentsTestApp, input: Record<string, unknown>): Promise<{ id: string; tier: string }> {
  const response = await service.graphql<{ registerResident: { id: string; tier: string } }>(
    `mutation ($input: RegisterResidentInput!) { registerResident(input: $input) { id tier } }`,
    { input },
    WORKER,
  );
  if (!response.data) throw new Error(`registration failed: ${JSON.stringify(response.errors)}`);
  return response.data.registerResident;
}

/** Care the other part of the service records, run as the resident decider's commands. */
export async function care(service: ResidentsTestApp, residentId: string, command: ResidentCommandInput): Promise<void> {
  const result = await service.app.get(ResidentDecisions).decide(residentId, command, { actor: actorOfIdentity(WORKER) });
  if (result.position) await service.projections.waitFor(result.position);
}

export const reportInfection = () => ({ type: 'ReportInfection', episodeId: randomUUID(), onsetOn: '2026-01-14', basis: 'antigen-test', symptoms: ['fever'] }) as const;

export const followUpDone = (followUpNumber: number, outcome: 'stable' | 'better' | 'worse' | 'not-reached' | 'needs-referral') =>
  ({ type: 'CompleteFollowUp', followUpNumber, method: 'telephone', outcome, workerId: WORKER.actorId, note: null }) as const;

/** The data of an answer, or a failure naming its errors. */
export function dataOf<T>(response: GraphQLResponse<T>): T {
  if (response.errors || !response.data) throw new Error(`expected an answer, got ${JSON.stringify(response.errors)}`);
  return response.data;
}

export const errorOf = (response: GraphQLResponse) => response.errors?.[0]?.extensions;
