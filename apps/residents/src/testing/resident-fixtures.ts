import { nationalIdCheckCharacter } from '@gridcare/residents-domain';

/** A valid PRC resident ID for a birth date (YYYY-MM-DD) and a sequence (odd: male, even: female). */
export function nationalId(birthDate: string, sequence = 124, region = '110107'): string {
  const first17 = `${region}${birthDate.replace(/-/g, '')}${String(sequence).padStart(3, '0')}`;
  return `${first17}${nationalIdCheckCharacter(first17)}`;
}

export const XIAZHUANG = { districtId: 'd05', streetId: 'd05-s003', communityId: 'd05-s003-c012' };

export function registration(overrides: Record<string, unknown> = {}) {
  return {
    nationalId: nationalId('1958-03-12'),
    fullName: 'Wang Guifang',
    sex: 'FEMALE',
    birthDate: '1958-03-12',
    phone: '13800001111',
    jurisdiction: XIAZHUANG,
    gridId: 'g12',
    livingAlone: true,
    familyDoctorId: 'fd-xiazhuang-1',
    conditions: [{ code: 'hypertension', controlled: true }],
    lowImmunity: false,
    pregnant: false,
    ...overrides,
  };
}

export const RESIDENT_FIELDS = `
  id fullName sex birthDate nationalId tier tierOverridden livingAlone gridId
  jurisdiction { districtId streetId communityId }
  conditions { code controlled }
  triageDecisions { id kind trigger tier previousTier reason firedRules { id tier } ruleSet { id version hash } actor { id role } inputs asOf }
`;
