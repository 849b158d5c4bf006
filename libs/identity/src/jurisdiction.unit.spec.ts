import { coversArea, jurisdictionColumn, JurisdictionSchema } from './jurisdiction';

const AREA = { districtId: 'd01', streetId: 'd01-s001', communityId: 'c-0001', gridId: 'g01' };

describe('a jurisdiction', () => {
  it('covers a resident by the level it names', () => {
    expect(coversArea({ level: 'city' }, AREA)).toBe(true);
    expect(coversArea({ level: 'community', ids: ['c-0002', 'c-0001'] }, AREA)).toBe(true);
    expect(coversArea({ level: 'community', ids: ['c-0002'] }, AREA)).toBe(false);
    expect(coversArea({ level: 'street', ids: ['d01-s001'] }, AREA)).toBe(true);
    expect(coversArea({ level: 'district', ids: ['d02'] }, AREA)).toBe(false);
    expect(coversArea({ level: 'grid', ids: ['g01'] }, AREA)).toBe(true);
    // A community id is not a grid id, even when the strings match another level's.
    expect(coversArea({ level: 'grid', ids: ['c-0001'] }, AREA)).toBe(false);
  });

  it('becomes the one column to narrow lists by, none for the city', () => {
    expect(jurisdictionColumn({ level: 'city' })).toBeUndefined();
    expect(jurisdictionColumn({ level: 'street', ids: ['s1', 's2'] })).toEqual({ field: 'streetId', ids: ['s1', 's2'] });
  });

  it('names at least one area, and only at the known levels', () => {
    expect(JurisdictionSchema.safeParse({ level: 'community', ids: [] }).success).toBe(false);
    expect(JurisdictionSchema.safeParse({ level: 'province', ids: ['p1'] }).success).toBe(false);
    expect(JurisdictionSchema.safeParse({ level: 'city', ids: ['x'] }).success).toBe(false);
  });
});
