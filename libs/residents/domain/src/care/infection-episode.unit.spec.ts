import { registered } from '../resident/testing/resident-fixtures';
import { CaseHistory, EPISODE_ID, reportInfection, spo2 } from './testing-care';

describe('infection episodes', () => {
  it('reports an infection, re-triaging the resident as infected', () => {
    const history = new CaseHistory(registered());
    const [reported, triaged] = history.on('2026-01-05', reportInfection('2026-01-04'));
    expect(reported.data).toEqual({ residentId: history.state.residentId, episodeId: EPISODE_ID, onsetOn: '2026-01-04', basis: 'antigen-test', symptoms: ['fever', 'cough'], reportedOn: '2026-01-05' });
    expect(triaged.data).toMatchObject({ trigger: { kind: 'infection-reported' }, inputs: { infected: true, latestSpo2: null }, tier: 'yellow', firedRules: [{ id: 'infected', tier: 'yellow' }] });
  });

  it('refuses a second episode while one is open, an onset in the future, and readings without an episode', () => {
    const history = new CaseHistory(registered());
    expect(() => history.on('2026-01-05', spo2(95, '2026-01-05'))).toThrow(expect.objectContaining({ code: 'NO_OPEN_EPISODE' }));
    expect(() => history.on('2026-01-05', reportInfection('2026-01-06'))).toThrow(expect.objectContaining({ code: 'DATE_IN_FUTURE' }));
    history.on('2026-01-05', reportInfection());
    expect(() => history.on('2026-01-06', reportInfection())).toThrow(expect.objectContaining({ code: 'EPISODE_ALREADY_OPEN' }));
    expect(() => history.on('2026-01-06', spo2(95, '2026-01-04'))).toThrow(expect.objectContaining({ code: 'DATE_BEFORE_ONSET' }));
  });

  it('re-triages on every SpO2 reading: below 93 is red, 93 is not', () => {
    const history = new CaseHistory(registered());
    history.on('2026-01-05', reportInfection());
    const [, at93] = history.on('2026-01-06', spo2(93, '2026-01-06'));
    expect(at93.data).toMatchObject({ trigger: { kind: 'spo2-reading' }, inputs: { latestSpo2: 93 }, tier: 'yellow' });
    const [reading, at92] = history.on('2026-01-07', spo2(92, '2026-01-07'));
    expect(reading.data).toMatchObject({ spo2: 92, pulse: 88, measuredOn: '2026-01-07' });
    expect(at92.data).toMatchObject({ inputs: { latestSpo2: 92 }, tier: 'red', firedRules: expect.arrayContaining([{ id: 'infected-low-spo2', tier: 'red' }]) });
  });

  it('charges oxygen at 7 yuan per 40 litres begun, with the reimbursable part', () => {
    const history = new CaseHistory(registered());
    history.on('2026-01-05', reportInfection());
    const [filled] = history.on('2026-01-06', { type: 'FillOxygen', litres: 100, reimbursableShare: 0.7 });
    expect(filled.data).toMatchObject({ litres: 100, fillings: 3, chargeFen: 2100, reimbursableFen: 1470, filledOn: '2026-01-06' });
  });

  it('records antivirals and symptoms without re-triage, and ends home treatment with a decision', () => {
    const history = new CaseHistory(registered());
    history.on('2026-01-05', reportInfection());
    expect(history.on('2026-01-05', { type: 'GiveAntiviral', drug: 'nirmatrelvir/ritonavir', courseDays: 5 }).map((e) => e.type)).toEqual(['AntiviralGiven']);
    expect(history.on('2026-01-06', { type: 'RecordSymptoms', symptoms: ['cough'] }).map((e) => e.type)).toEqual(['SymptomsRecorded']);
    expect(history.state.episode?.symptoms).toEqual(['cough']);
    const [ended, triaged] = history.on('2026-01-12', { type: 'EndHomeTreatment', outcome: 'recovered' });
    expect(ended.data).toMatchObject({ outcome: 'recovered', endedOn: '2026-01-12', episodeId: EPISODE_ID });
    expect(triaged.data).toMatchObject({ trigger: { kind: 'home-treatment-ended' }, inputs: { infected: false, latestSpo2: null }, tier: 'green' });
    expect(history.state.episode).toBeNull();
  });
});
