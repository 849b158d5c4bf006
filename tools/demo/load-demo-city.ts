import { CITY, issueAccessToken } from '@gridcare/identity';
import { demoArea, demoRegistration, DEMO_INFECTIONS, DEMO_RESIDENTS, DEMO_WORKERS } from './demo-city';

interface GraphQLAnswer<T> {
  data?: T;
  errors?: { message: string }[];
}

export interface DemoCityLoaded {
  residents: { key: string; id: string; tier: string; communityId: string }[];
  referral?: { id: string; status: string; facility: string | null };
}

/** The city's date, YYYY-MM-DD (residents' dates are the city's, UTC+8). */
export function cityDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Loads the demo city through the gateway, as an administrator would: waits until the seeded
 * referral network answers, registers the residents, infects two (one red resident's SpO2
 * falls, so the referral policy refers her), assigns each community's residents to its worker,
 * and waits for the referral.
 */
export async function loadDemoCity(gatewayUrl: string, log: (line: string) => void, now = new Date()): Promise<DemoCityLoaded> {
  const token = await issueAccessToken({ actorId: 'demo-city', role: 'administrator', jurisdiction: CITY, name: 'Demo city loader' });
  const graphql = async <T>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const answer = (await response.json()) as GraphQLAnswer<T>;
    if (answer.errors?.length || !answer.data) throw new Error(answer.errors?.map((error) => error.message).join('; ') ?? `HTTP ${response.status}`);
    return answer.data;
  };
  const area = demoArea();
  const today = cityDate(now);
  const gridId = area.communities[0].gridId;

  log(`demo city: waiting for grid ${gridId} of the referral network`);
  await waitFor(async () => (await graphql<{ grid: { leadFacility: { id: string } } | null }>('query ($id: ID!) { grid(id: $id) { leadFacility { id } } }', { id: gridId })).grid !== null, 180_000);

  const residents: DemoCityLoaded['residents'] = [];
  for (const [index, resident] of DEMO_RESIDENTS.entries()) {
    const input = demoRegistration(resident, index, area, today);
    const { registerResident } = await graphql<{ registerResident: { id: string; tier: string } }>(
      'mutation ($input: RegisterResidentInput!) { registerResident(input: $input) { id tier } }',
      { input },
    );
    residents.push({ key: resident.key, id: registerResident.id, tier: registerResident.tier, communityId: input.jurisdiction.communityId });
  }
  const idOf = (key: string) => residents.find((resident) => resident.key === key)!.id;

  const yesterday = cityDate(new Date(now.getTime() - 86_400_000));
  for (const infection of DEMO_INFECTIONS) {
    const residentId = idOf(infection.key);
    await graphql('mutation ($input: ReportInfectionInput!) { reportInfection(input: $input) { id } }', {
      input: { residentId, onsetOn: yesterday, basis: 'ANTIGEN_TEST', symptoms: ['FEVER', 'COUGH'] },
    });
    const { recordSpo2Reading } = await graphql<{ recordSpo2Reading: { tier: string } }>(
      'mutation ($input: RecordSpo2ReadingInput!) { recordSpo2Reading(input: $input) { tier } }',
      { input: { residentId, spo2: infection.spo2, pulse: 96, measuredAt: now.toISOString() } },
    );
    residents.find((resident) => resident.id === residentId)!.tier = recordSpo2Reading.tier;
  }

  for (const [index, community] of area.communities.entries()) {
    const residentIds = residents.filter((resident) => resident.communityId === community.id).map((resident) => resident.id);
    await graphql('mutation ($input: AssignResidentsInput!) { assignResidents(input: $input) { assigned } }', {
      input: { residentIds, workerId: DEMO_WORKERS[index], reason: 'demo city: the community worker of ' + community.name },
    });
  }

  const referred = idOf(DEMO_INFECTIONS[0].key);
  let referral: DemoCityLoaded['referral'];
  await waitFor(async () => {
    const { resident } = await graphql<{ resident: { referrals: { id: string; status: string; facility: { name: string } | null }[] | null } }>(
      'query ($id: ID!) { resident(id: $id) { referrals { id status facility { name } } } }',
      { id: referred },
    );
    const first = resident.referrals?.[0];
    if (first) referral = { id: first.id, status: first.status, facility: first.facility?.name ?? null };
    return first !== undefined;
  }, 60_000).catch(() => log('demo city: no referral yet for the red resident (the referral policy may still be catching up)'));
  return { residents, referral };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
    }
    await sleep(500);
  }
  throw new Error(`timed out${lastError ? `: ${(lastError as Error).message}` : ''}`);
}
