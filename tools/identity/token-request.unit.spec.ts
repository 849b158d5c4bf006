import { tokenRequestFrom } from './token-request';

describe('npm run token', () => {
  it('issues for the whole city unless a jurisdiction is named', () => {
    expect(tokenRequestFrom(['--role', 'auditor'])).toEqual({
      identity: { actorId: 'auditor-dev', role: 'auditor', jurisdiction: { level: 'city' } },
      expiresInSeconds: 8 * 3600,
    });
  });

  it('takes one jurisdiction level with a list of areas, an actor and a lifetime', () => {
    const request = tokenRequestFrom(['--role', 'community_worker', '--community', 'c-0001, c-0002', '--actor', 'worker-7', '--hours', '1']);
    expect(request.identity).toEqual({ actorId: 'worker-7', role: 'community_worker', jurisdiction: { level: 'community', ids: ['c-0001', 'c-0002'] } });
    expect(request.expiresInSeconds).toBe(3600);
  });

  it('refuses what would not be a usable identity, saying why', () => {
    expect(() => tokenRequestFrom(['--role', 'superuser'])).toThrow(/role/);
    expect(() => tokenRequestFrom(['--role', 'referral_desk'])).toThrow(/facilityId/);
    expect(() => tokenRequestFrom(['--role', 'family_doctor', '--community', 'c1', '--grid', 'g1'])).toThrow(/one jurisdiction level/);
    expect(() => tokenRequestFrom(['--role', 'family_doctor', '--hours', '0'])).toThrow(/--hours/);
    expect(() => tokenRequestFrom(['--role', 'family_doctor', '--province', 'p'])).toThrow();
  });
});
