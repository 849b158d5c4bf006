import { EventContractViolation } from '@gridcare/event-contracts';
import { DoseAdministered, isBooster, vaccinationContracts, vaccinationStream } from './index';

const registry = vaccinationContracts();

const RESIDENT_ID = '0b6f1c9e-8a43-4c1e-9a55-2f7d7e3c1a10';
const DOSE_ID = '5e2d7c1a-4b3f-4a8e-9c6d-1f0e2d3c4b5a';

const dose = () => ({
  doseId: DOSE_ID,
  residentId: RESIDENT_ID,
  product: 'CoronaVac',
  doseKind: 'first-booster' as const,
  doseNumber: 3,
  administeredOn: '2025-12-01',
  site: 'Jianwai community health service centre',
});

/** The dot paths a violation names, or [] when the data is accepted. */
function issuesOf(data: unknown): string[] {
  try {
    registry.validateForAppend('DoseAdministered', 1, data);
    return [];
  } catch (error) {
    if (!(error instanceof EventContractViolation)) throw error;
    return error.issues.map((issue) => issue.path);
  }
}

describe('vaccinationContracts', () => {
  it('registers DoseAdministered at version 1', () => {
    expect(registry.currentVersion('DoseAdministered')).toBe(1);
    expect(registry.has('ResidentRegistered')).toBe(false);
  });

  describe('DoseAdministered', () => {
    it('accepts a dose of each kind', () => {
      expect(issuesOf(dose())).toEqual([]);
      expect(issuesOf({ ...dose(), doseKind: 'primary', doseNumber: 1 })).toEqual([]);
      expect(issuesOf({ ...dose(), doseKind: 'second-booster', doseNumber: 4 })).toEqual([]);
    });

    it('builds a typed event through the contract', () => {
      expect(DoseAdministered.create(dose())).toEqual({ type: 'DoseAdministered', schemaVersion: 1, data: dose() });
      expect(() => DoseAdministered.create({ ...dose(), doseNumber: 0 })).toThrow(/doseNumber/);
    });

    it('names the field that is wrong', () => {
      expect(issuesOf({ ...dose(), doseId: 'dose-7' })).toEqual(['doseId']);
      expect(issuesOf({ ...dose(), residentId: 'r-1' })).toEqual(['residentId']);
      expect(issuesOf({ ...dose(), product: '' })).toEqual(['product']);
      expect(issuesOf({ ...dose(), doseKind: 'third-booster' })).toEqual(['doseKind']);
      expect(issuesOf({ ...dose(), site: '' })).toEqual(['site']);
    });

    it('takes a whole dose number from 1', () => {
      expect(issuesOf({ ...dose(), doseNumber: 0 })).toEqual(['doseNumber']);
      expect(issuesOf({ ...dose(), doseNumber: 2.5 })).toEqual(['doseNumber']);
      expect(issuesOf({ ...dose(), doseNumber: '3' })).toEqual(['doseNumber']);
    });

    it('takes the date as a real YYYY-MM-DD calendar date', () => {
      expect(issuesOf({ ...dose(), administeredOn: '2024-02-29' })).toEqual([]);
      expect(issuesOf({ ...dose(), administeredOn: '2023-02-29' })).toEqual(['administeredOn']);
      expect(issuesOf({ ...dose(), administeredOn: '2025-12-01T10:00:00Z' })).toEqual(['administeredOn']);
      expect(issuesOf({ ...dose(), administeredOn: '1/12/2025' })).toEqual(['administeredOn']);
    });

    it('refuses missing and unknown fields', () => {
      const { site: _site, ...withoutSite } = dose();
      expect(issuesOf(withoutSite)).toEqual(['site']);
      expect(issuesOf({ ...dose(), batch: 'A-17' })).toEqual(['']);
    });
  });

  it('tells a booster from a primary dose', () => {
    expect(isBooster('primary')).toBe(false);
    expect(isBooster('first-booster')).toBe(true);
    expect(isBooster('second-booster')).toBe(true);
  });

  it('keeps one vaccination stream per resident', () => {
    expect(vaccinationStream(RESIDENT_ID)).toBe(`vaccination-${RESIDENT_ID}`);
  });
});
