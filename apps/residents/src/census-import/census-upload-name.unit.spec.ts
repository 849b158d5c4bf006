import { censusUploadName, decodeHeaderName } from './census-upload-name';

const ID = '00000000-0000-4000-8000-000000000000';

describe('censusUploadName', () => {
  it.each([
    ['xiazhuang.csv', 'xiazhuang'],
    ['Xiazhuang census 2026.CSV', 'Xiazhuang-census-2026'],
    ['../../etc', 'etc'],
    ['..\\..\\windows\\system.ini', 'system-ini'],
    ['/etc/passwd', 'passwd'],
    ['..', 'census'],
    ['', 'census'],
    [undefined, 'census'],
    ['夏庄社区.csv', '夏庄社区'],
    ['a;rm -rf $HOME.csv', 'a-rm-rf-HOME'],
  ])('stores %p as <uuid>-%s.csv', (original, stem) => {
    expect(censusUploadName(original, ID)).toBe(`${ID}-${stem}.csv`);
  });

  it('keeps names short', () => {
    expect(censusUploadName('x'.repeat(500), ID)).toBe(`${ID}-${'x'.repeat(80)}.csv`);
  });

  it('decodes a percent-encoded header name, and keeps a bad escape as sent', () => {
    expect(decodeHeaderName('%E5%A4%8F%E5%BA%84.csv')).toBe('夏庄.csv');
    expect(decodeHeaderName('100%.csv')).toBe('100%.csv');
  });
});
