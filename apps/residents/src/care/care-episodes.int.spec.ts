import { ResidentsTestApp, startResidentsTestApp } from '../testing/residents-test-app';
import { CareDesk, DOCTOR, RESIDENTS, WORKER } from './testing/care-fixtures';

describe('infection episodes: symptoms, readings, antivirals and oxygen as the graph shows them', () => {
  let service: ResidentsTestApp;
  let desk: CareDesk;
  let id: string;
  let episodeId: string;

  const readings = async (last?: number) => {
    const response = await service.graphql<{ resident: { spo2Readings: { spo2: number; measuredAt: string; measuredOn: string }[] } }>(
      `query ($id: ID!, $last: Int) { resident(id: $id) { spo2Readings(last: $last) { spo2 measuredAt measuredOn } } }`,
      { id, last },
    );
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.resident.spo2Readings;
  };

  beforeAll(async () => {
    service = await startResidentsTestApp('2026-01-15T09:00:00+08:00');
    desk = new CareDesk(service);
    id = await desk.register(RESIDENTS.adult(1));
  });
  afterAll(async () => service.close());

  it('opens an episode with its onset, basis and symptoms, by the worker who reported it', async () => {
    const reported = await desk.do('reportInfection', { residentId: id, onsetOn: '2026-01-13', basis: 'SYMPTOMS', symptoms: ['FEVER', 'SORE_THROAT', 'FEVER'] });
    episodeId = reported.episodes[0].id;
    expect(reported.episodes).toEqual([
      {
        id: episodeId,
        onsetOn: '2026-01-13',
        basis: 'SYMPTOMS',
        symptoms: ['FEVER', 'SORE_THROAT'],
        symptomsRecordedOn: '2026-01-15',
        reportedOn: '2026-01-15',
        reportedBy: WORKER.actorId,
        status: 'OPEN',
        latestSpo2: null,
        antivirals: [],
        oxygen: { litres: 0, fillings: 0, chargeFen: 0, reimbursableFen: 0 },
        raisedFollowUpIntervalDays: null,
        raisedFollowUpReason: null,
        endedOn: null,
        homeTreatmentOutcome: null,
        endedBy: null,
      },
    ]);
  });

  it('keeps the symptoms as last recorded', async () => {
    desk.on('2026-01-16');
    const recorded = await desk.do('recordSymptoms', { residentId: id, symptoms: ['COUGH', 'SHORTNESS_OF_BREATH'] });
    expect(recorded.episodes[0]).toMatchObject({ symptoms: ['COUGH', 'SHORTNESS_OF_BREATH'], symptomsRecordedOn: '2026-01-16' });
  });

  it('dates each reading by the city day it was measured, and lists them in the order measured', async () => {
    // 23:30 and 01:30 in Beijing: either side of the city's midnight, whatever the offset sent.
    await desk.reading(id, 96, '2026-01-15T15:30:00Z');
    await desk.reading(id, 94, '2026-01-16T08:15:00+08:00');
    const latest = await desk.reading(id, 95, '2026-01-15T17:30:00Z');
    expect(latest.episodes[0].latestSpo2).toBe(95);
    expect(latest.spo2Readings.map(({ spo2, measuredOn, recordedBy, episodeId: of }) => [spo2, measuredOn, recordedBy, of])).toEqual([
      [96, '2026-01-15', WORKER.actorId, episodeId],
      [95, '2026-01-16', WORKER.actorId, episodeId],
      [94, '2026-01-16', WORKER.actorId, episodeId],
    ]);
    expect((await readings(2)).map((reading) => [reading.spo2, reading.measuredAt])).toEqual([
      [95, '2026-01-15T17:30:00.000Z'],
      [94, '2026-01-16T00:15:00.000Z'],
    ]);
    const refused = await service.graphql(`query ($id: ID!) { resident(id: $id) { spo2Readings(last: 0) { spo2 } } }`, { id });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'last' });
  });

  it('records antiviral courses by the doctor who gave them', async () => {
    await desk.do('giveAntiviral', { residentId: id, drug: 'nirmatrelvir/ritonavir', courseDays: 5 }, DOCTOR);
    desk.on('2026-01-17');
    const given = await desk.do('giveAntiviral', { residentId: id, drug: 'azvudine', courseDays: 7 }, DOCTOR);
    expect(given.episodes[0].antivirals).toEqual([
      { drug: 'nirmatrelvir/ritonavir', courseDays: 5, givenOn: '2026-01-16', givenBy: DOCTOR.actorId },
      { drug: 'azvudine', courseDays: 7, givenOn: '2026-01-17', givenBy: DOCTOR.actorId },
    ]);
  });

  it('charges oxygen at 7 yuan per 40 litres begun, with the part medical insurance reimburses', async () => {
    const first = await desk.do('fillOxygen', { residentId: id, litres: 100, reimbursableShare: 0.7 }, DOCTOR);
    expect(first.episodes[0].oxygen).toEqual({ litres: 100, fillings: 3, chargeFen: 2100, reimbursableFen: 1470 });
    const second = await desk.do('fillOxygen', { residentId: id, litres: 40, reimbursableShare: 0.5 }, DOCTOR);
    expect(second.episodes[0].oxygen).toEqual({ litres: 140, fillings: 4, chargeFen: 2800, reimbursableFen: 1820 });
  });

  it('ends home treatment, and a later infection is a new episode, listed first', async () => {
    desk.on('2026-01-21');
    const ended = await desk.do('endHomeTreatment', { residentId: id, outcome: 'REFERRED' }, DOCTOR);
    expect(ended.episodes[0]).toMatchObject({ status: 'ENDED', endedOn: '2026-01-21', homeTreatmentOutcome: 'REFERRED', endedBy: DOCTOR.actorId });

    desk.on('2026-03-02');
    const again = await desk.do('reportInfection', { residentId: id, onsetOn: '2026-03-01', basis: 'PCR_TEST', symptoms: [] });
    expect(again.episodes.map((episode) => [episode.status, episode.onsetOn, episode.basis])).toEqual([
      ['OPEN', '2026-03-01', 'PCR_TEST'],
      ['ENDED', '2026-01-13', 'SYMPTOMS'],
    ]);
    expect(again.episodes[0].oxygen).toEqual({ litres: 0, fillings: 0, chargeFen: 0, reimbursableFen: 0 });
    expect(again.spo2Readings).toHaveLength(3);
  });
});
