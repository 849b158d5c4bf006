import { createHash } from 'node:crypto';
import { nationalIdClaimStream, residentStream, TRIAGE_RULE_SET_STREAM } from './streams';

describe('stream names', () => {
  it('one stream per resident, one for the rule sets', () => {
    expect(residentStream('0b6f1c9e-8a43-4c1e-9a55-2f7d7e3c1a10')).toBe('resident-0b6f1c9e-8a43-4c1e-9a55-2f7d7e3c1a10');
    expect(TRIAGE_RULE_SET_STREAM).toBe('triage-rule-set');
  });

  it('names a national ID claim by a hash, never by the ID itself', () => {
    const nationalId = '11010519491231002X';
    const stream = nationalIdClaimStream(nationalId);
    expect(stream).toBe(`resident-national-id-${createHash('sha256').update(nationalId).digest('hex').slice(0, 32)}`);
    expect(stream).toMatch(/^resident-national-id-[0-9a-f]{32}$/);
    expect(stream).not.toContain(nationalId);
    expect(nationalIdClaimStream(nationalId)).toBe(stream);
    expect(nationalIdClaimStream('110105194912310021')).not.toBe(stream);
  });
});
