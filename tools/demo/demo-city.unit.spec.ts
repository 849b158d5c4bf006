import { isValidNationalId } from '../census/national-id';
import { birthDateFor, demoArea, demoRegistration, DEMO_INFECTIONS, DEMO_RESIDENTS } from './demo-city';

const ageOn = (birthDate: string, today: string) => {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ty, tm, td] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
};

describe('the demo city', () => {
  it("lives on one street of the seeded city, in communities of the seeded referral network's grids", () => {
    const area = demoArea();
    expect(area.communities).toHaveLength(3);
    expect(area.communities.every((community) => community.id.startsWith(`${area.streetId}-`) && /^g\d+$/.test(community.gridId))).toBe(true);
  });

  it('registers every resident at the age the scenario gives, with a valid national ID, whatever the day', () => {
    const area = demoArea();
    for (const today of ['2026-01-01', '2026-11-24', '2028-02-29']) {
      const registrations = DEMO_RESIDENTS.map((resident, index) => demoRegistration(resident, index, area, today));
      DEMO_RESIDENTS.forEach((resident, index) => expect(ageOn(registrations[index].birthDate, today)).toBe(resident.age));
      expect(registrations.every((registration) => isValidNationalId(registration.nationalId))).toBe(true);
      expect(new Set(registrations.map((registration) => registration.nationalId)).size).toBe(DEMO_RESIDENTS.length);
    }
    expect(birthDateFor(2, 0, '2026-01-05')).toBe('2023-12-26');
  });

  it('infects only residents it registers', () => {
    expect(DEMO_INFECTIONS.every((infection) => DEMO_RESIDENTS.some((resident) => resident.key === infection.key))).toBe(true);
  });
});
