import { createCityGrid } from '../referrals/city-grid';
import { buildNationalId } from '../census/national-id';

/** The seed of the city `npm start` seeds the referral network from (tools/scripts/city-grid-seed.ts). */
export const DEMO_CITY_SEED = 42;

export interface DemoResident {
  key: string;
  fullName: string;
  sex: 'FEMALE' | 'MALE';
  age: number;
  phone: string;
  communityIndex: 0 | 1 | 2;
  livingAlone?: boolean;
  conditions?: { code: string; controlled: boolean }[];
  lowImmunity?: boolean;
  pregnant?: boolean;
}

/**
 * A dozen residents in three communities of one street, in every tier: the elderly with
 * serious or uncontrolled diseases (red), the elderly, a child, a pregnant woman and a
 * resident of low immunity (yellow), and the general population (green).
 */
export const DEMO_RESIDENTS: DemoResident[] = [
  { key: 'zhang-guilan', fullName: 'Zhang Guilan', sex: 'FEMALE', age: 78, phone: '13800000001', communityIndex: 0, conditions: [{ code: 'copd', controlled: false }] },
  { key: 'li-jianguo', fullName: 'Li Jianguo', sex: 'MALE', age: 70, phone: '13800000002', communityIndex: 0, livingAlone: true, conditions: [{ code: 'hypertension', controlled: true }] },
  { key: 'wang-fang', fullName: 'Wang Fang', sex: 'FEMALE', age: 32, phone: '13800000003', communityIndex: 0, pregnant: true },
  { key: 'chen-wei', fullName: 'Chen Wei', sex: 'MALE', age: 41, phone: '13800000004', communityIndex: 0 },
  { key: 'liu-shuying', fullName: 'Liu Shuying', sex: 'FEMALE', age: 83, phone: '13800000005', communityIndex: 1, livingAlone: true, conditions: [{ code: 'heart-failure', controlled: true }] },
  { key: 'zhao-ming', fullName: 'Zhao Ming', sex: 'MALE', age: 67, phone: '13800000006', communityIndex: 1 },
  { key: 'sun-hao', fullName: 'Sun Hao', sex: 'MALE', age: 2, phone: '13800000007', communityIndex: 1 },
  { key: 'zhou-jie', fullName: 'Zhou Jie', sex: 'FEMALE', age: 29, phone: '13800000008', communityIndex: 1 },
  { key: 'wu-dehai', fullName: 'Wu Dehai', sex: 'MALE', age: 72, phone: '13800000009', communityIndex: 2, conditions: [{ code: 'chronic-kidney-disease', controlled: false }] },
  { key: 'zheng-xiu', fullName: 'Zheng Xiu', sex: 'FEMALE', age: 55, phone: '13800000010', communityIndex: 2, lowImmunity: true },
  { key: 'ma-lin', fullName: 'Ma Lin', sex: 'MALE', age: 45, phone: '13800000011', communityIndex: 2 },
  { key: 'hu-yan', fullName: 'Hu Yan', sex: 'FEMALE', age: 36, phone: '13800000012', communityIndex: 2 },
];

/** Who falls ill in the demo: one red resident whose SpO2 falls (the referral policy refers her), one green. */
export const DEMO_INFECTIONS = [
  { key: 'zhang-guilan', spo2: 91 },
  { key: 'ma-lin', spo2: 97 },
];

/** The community workers of the demo, one per community. */
export const DEMO_WORKERS = ['worker-demo-1', 'worker-demo-2', 'worker-demo-3'];

export interface DemoArea {
  districtId: string;
  streetId: string;
  communities: { id: string; name: string; gridId: string }[];
  regionCode: string;
}

/**
 * The demo's three communities: the first street of Dongcheng (d01) in the seeded city, so the
 * residents live where the seeded referral network has its grid and facilities.
 */
export function demoArea(): DemoArea {
  const { city } = createCityGrid(DEMO_CITY_SEED);
  const district = city.districts[0];
  const streetId = district.streetIds[0];
  const communities = city.communities.filter((community) => community.streetId === streetId).slice(0, 3);
  if (communities.length < 3) throw new Error(`the demo needs three communities on ${streetId}`);
  return {
    districtId: district.id,
    streetId,
    communities: communities.map((community) => ({ id: community.id, name: community.name, gridId: community.gridId })),
    regionCode: district.regionCode,
  };
}

/** A birth date making the resident `age` on `today` (a city date): their birthday a few days past. */
export function birthDateFor(age: number, index: number, today: string): string {
  const [year, month, day] = today.split('-').map(Number);
  const birth = new Date(Date.UTC(year - age, month - 1, day - 10 - 3 * index));
  return birth.toISOString().slice(0, 10);
}

export function demoRegistration(resident: DemoResident, index: number, area: DemoArea, today: string) {
  const community = area.communities[resident.communityIndex];
  const birthDate = birthDateFor(resident.age, index, today);
  const sequence = 2 * (index + 1) + (resident.sex === 'MALE' ? 1 : 0);
  return {
    nationalId: buildNationalId(area.regionCode, birthDate.replace(/-/g, ''), sequence),
    fullName: resident.fullName,
    sex: resident.sex,
    birthDate,
    phone: resident.phone,
    jurisdiction: { districtId: area.districtId, streetId: area.streetId, communityId: community.id },
    gridId: community.gridId,
    livingAlone: resident.livingAlone ?? false,
    familyDoctorId: `fd-${community.id}`,
    conditions: resident.conditions ?? [],
    lowImmunity: resident.lowImmunity ?? false,
    pregnant: resident.pregnant ?? false,
  };
}
