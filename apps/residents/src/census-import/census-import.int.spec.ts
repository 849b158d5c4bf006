import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CensusImports } from './census-imports.service';
import { nationalId } from '../testing/resident-fixtures';
import { ResidentsTestApp, startResidentsTestApp } from '../testing/residents-test-app';
import { CENSUS_COLUMNS } from './census-row';

const COMMUNITY = 'd05-s003-c012';

function row(values: Partial<Record<(typeof CENSUS_COLUMNS)[number], string>>): string {
  const defaults = {
    national_id: nationalId('1960-04-04', 100),
    full_name: 'Zhang Wei',
    sex: 'female',
    birth_date: '1960-04-04',
    phone: '13900002222',
    district_id: 'd05',
    street_id: 'd05-s003',
    community_id: COMMUNITY,
    grid_id: 'g12',
    living_alone: 'false',
    family_doctor_id: '',
    conditions: '',
    low_immunity: 'false',
    pregnant: 'false',
  };
  const merged = { ...defaults, ...values };
  return CENSUS_COLUMNS.map((column) => merged[column]).join(',');
}

const IMPORT_QUERY = `query ($id: ID!) { censusImport(id: $id) { status rowsRead registered alreadyRegistered refused errorReportPath errors { row field reason } } }`;

describe('census import: a file with good and bad rows, twice', () => {
  let service: ResidentsTestApp;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'census-'));
    process.env.GRIDCARE_IMPORT_DIR = dir;
    process.env.GRIDCARE_IMPORT_REPORTS = join(dir, 'reports');
    service = await startResidentsTestApp('2026-01-15T09:00:00+08:00');
    const lines = [
      CENSUS_COLUMNS.join(','),
      row({ national_id: nationalId('1960-04-04', 102), birth_date: '1960-04-04', conditions: 'diabetes:uncontrolled' }), // row 2: red
      row({ national_id: '110107196004041239', birth_date: '1960-04-04' }), // row 3: bad check character
      row({ national_id: nationalId('1990-06-06', 202), birth_date: '1990-06-06', sex: 'unknown' }), // row 4: bad sex
      row({ national_id: nationalId('1990-06-07', 203), birth_date: '1990-06-07', sex: 'male', pregnant: 'true' }), // row 5: pregnant man
      row({ national_id: nationalId('2024-03-03', 304), birth_date: '2024-03-03' }), // row 6: young child, yellow
      row({ national_id: nationalId('1980-08-08', 406), birth_date: '1980-08-08', community_id: '' }), // row 7: no community
      row({ national_id: nationalId('1985-01-01', 508), birth_date: '1985-01-01' }), // row 8: green
      row({ national_id: nationalId('1985-01-01', 508), birth_date: '1985-01-01', full_name: 'Zhang Wei (again)' }), // row 9: row 8's resident again
      // row 10: passes the file's checks, but the event contract refuses a condition listed twice,
      // which refuses its whole batch: the batch's rows are then registered one by one.
      row({ national_id: nationalId('1970-02-02', 610), birth_date: '1970-02-02', conditions: 'copd:controlled;copd:uncontrolled' }),
    ];
    writeFileSync(join(dir, 'xiazhuang.csv'), `${lines.join('\n')}\n`);
  });
  afterAll(async () => {
    await service.close();
    delete process.env.GRIDCARE_IMPORT_DIR;
    delete process.env.GRIDCARE_IMPORT_REPORTS;
  });

  async function importOnce() {
    const started = await service.graphql<{ startCensusImport: { id: string } }>(`mutation { startCensusImport(file: "xiazhuang.csv") { id status } }`);
    expect(started.errors).toBeUndefined();
    const id = started.data?.startCensusImport.id as string;
    await service.app.get(CensusImports).finished(id);
    const { data } = await service.graphql<{ censusImport: { errorReportPath: string; errors: { row: number; field: string }[]; [field: string]: unknown } }>(IMPORT_QUERY, { id });
    return data?.censusImport;
  }

  it('registers the good rows, refuses the bad ones with row, field and reason, and reports progress', async () => {
    const first = await importOnce();
    expect(first).toMatchObject({ status: 'finished', rowsRead: 9, registered: 3, alreadyRegistered: 1, refused: 5 });
    expect(first?.errors.map((error: { row: number; field: string }) => [error.row, error.field])).toEqual([
      [3, 'national_id'],
      [4, 'sex'],
      [5, 'pregnant'],
      [7, 'community_id'],
      [10, 'conditions'],
    ]);
    const report = readFileSync(first?.errorReportPath ?? '', 'utf8').trim().split('\n');
    expect(report[0]).toBe('row,field,reason');
    // Rows are reported as they are refused, so checks found while registering may come later.
    expect(report.slice(1).map((line) => line.split(',').slice(0, 2).join(',')).sort()).toEqual(['10,conditions', '3,national_id', '4,sex', '5,pregnant', '7,community_id']);

    await service.waitForProjections();
    const residents = await service.graphql<{ residents: { edges: { node: { fullName: string; tier: string } }[] } }>(
      `{ residents(filter: { communityId: "${COMMUNITY}" }, first: 50) { edges { node { fullName tier } } } }`,
    );
    expect(residents.data?.residents.edges.map((edge) => edge.node.tier).sort()).toEqual(['GREEN', 'RED', 'YELLOW']);
    // The first row of a national ID registers the resident; a repeat does not overwrite it.
    expect(residents.data?.residents.edges.map((edge) => edge.node.fullName)).not.toContain('Zhang Wei (again)');
  });

  it('registers no one twice when the same file is imported again', async () => {
    const second = await importOnce();
    expect(second).toMatchObject({ status: 'finished', rowsRead: 9, registered: 0, alreadyRegistered: 4, refused: 5 });
    await service.waitForProjections();
    const residents = await service.graphql<{ residents: { edges: unknown[] } }>(`{ residents(filter: { communityId: "${COMMUNITY}" }, first: 50) { edges { cursor } } }`);
    expect(residents.data?.residents.edges).toHaveLength(3);
  });

  it('refuses a file outside the import folder', async () => {
    const outside = await service.graphql(`mutation { startCensusImport(file: "../../etc/passwd") { id } }`);
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
  });
});
