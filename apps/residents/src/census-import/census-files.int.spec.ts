import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import { nationalId } from '../testing/resident-fixtures';
import { ResidentsTestApp, startResidentsTestApp } from '../testing/residents-test-app';
import { CENSUS_COLUMNS } from './census-row';
import { COMMAND_CENTRE, WORKER } from '../testing/test-identities';
import { Identity } from '@gridcare/identity';
import { identityAssertionHeaders } from '@gridcare/identity/testing';

const COMMUNITY = 'd07-s002-c004';
const MAX_BYTES = 64 * 1024;
const UPLOADED = /^uploads\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-(.+)\.csv$/;

function row(values: Partial<Record<(typeof CENSUS_COLUMNS)[number], string>>): string {
  const defaults = {
    national_id: nationalId('1958-03-12', 100),
    full_name: 'Li Xiuying',
    sex: 'female',
    birth_date: '1958-03-12',
    phone: '13900003333',
    district_id: 'd07',
    street_id: 'd07-s002',
    community_id: COMMUNITY,
    grid_id: 'g31',
    living_alone: 'false',
    family_doctor_id: '',
    conditions: '',
    low_immunity: 'false',
    pregnant: 'false',
  };
  const merged = { ...defaults, ...values };
  return CENSUS_COLUMNS.map((column) => merged[column]).join(',');
}

const CENSUS = `${[
  CENSUS_COLUMNS.join(','),
  row({ national_id: nationalId('1958-03-12', 112), birth_date: '1958-03-12' }), // row 2: good
  row({ national_id: '110107195803121230', birth_date: '1958-03-12' }), // row 3: bad check character
  row({ national_id: nationalId('1988-09-09', 224), birth_date: '1988-09-09', full_name: 'Zhao Lei', sex: 'male' }), // row 4: good
  row({ national_id: nationalId('1990-06-06', 202), birth_date: '1990-06-06', sex: 'unknown' }), // row 5: bad sex
  row({ national_id: nationalId('1980-08-08', 406), birth_date: '1980-08-08', community_id: '' }), // row 6: no community
].join('\n')}\n`;

const IMPORT_QUERY = `query ($id: ID!) { censusImport(id: $id) { fileName status rowsRead registered alreadyRegistered refused errors { row field reason } } }`;

interface Upload {
  status: number;
  body: { file?: string; bytes?: number; statusCode?: number; message?: string };
}

describe('census upload: POST /census-files, then startCensusImport with the file it answers', () => {
  let service: ResidentsTestApp;
  let dir: string;
  let base: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'census-upload-'));
    process.env.GRIDCARE_IMPORT_DIR = dir;
    process.env.GRIDCARE_IMPORT_REPORTS = join(dir, 'reports');
    process.env.GRIDCARE_IMPORT_MAX_BYTES = String(MAX_BYTES);
    service = await startResidentsTestApp('2026-01-15T09:00:00+08:00');
    base = service.url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await service.close();
    delete process.env.GRIDCARE_IMPORT_DIR;
    delete process.env.GRIDCARE_IMPORT_REPORTS;
    delete process.env.GRIDCARE_IMPORT_MAX_BYTES;
  });

  const uploads = () => (existsSync(join(dir, 'uploads')) ? readdirSync(join(dir, 'uploads')).sort() : []);

  async function upload(
    body: string | Buffer | Readable,
    options: { actor?: Identity | null; name?: string; fileNameHeader?: string; contentType?: string } = {},
  ): Promise<Upload> {
    const headers: Record<string, string> = { 'content-type': options.contentType ?? 'text/csv' };
    const actor = options.actor === undefined ? COMMAND_CENTRE : options.actor;
    if (actor) Object.assign(headers, await identityAssertionHeaders(actor));
    if (options.fileNameHeader !== undefined) headers['x-file-name'] = options.fileNameHeader;
    const query = options.name === undefined ? '' : `?name=${encodeURIComponent(options.name)}`;
    // A stream body needs `duplex`, which the RequestInit type does not list yet.
    const init = { method: 'POST', headers, body, duplex: 'half' };
    const response = await fetch(`${base}/census-files${query}`, init as unknown as RequestInit);
    return { status: response.status, body: (await response.json()) as Upload['body'] };
  }

  async function finishedImport(id: string) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { data, errors } = await service.graphql<{ censusImport: { status: string; [field: string]: unknown } | null }>(IMPORT_QUERY, { id }, COMMAND_CENTRE);
      expect(errors).toBeUndefined();
      const found = data?.censusImport;
      if (found && found.status !== 'running') return found;
      if (Date.now() > deadline) throw new Error(`census import ${id} still running: ${JSON.stringify(found)}`);
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }

  it('stores an uploaded CSV as sent, and imports it: good rows registered, bad rows refused with row, field and reason', async () => {
    const uploaded = await upload(CENSUS, { name: 'Xiazhuang census 2026.csv' });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body.file).toMatch(UPLOADED);
    expect(uploaded.body.file?.match(UPLOADED)?.[1]).toBe('Xiazhuang-census-2026');
    expect(uploaded.body.bytes).toBe(Buffer.byteLength(CENSUS));
    expect(readFileSync(join(dir, uploaded.body.file as string), 'utf8')).toBe(CENSUS);

    const started = await service.graphql<{ startCensusImport: { id: string } }>(
      `mutation ($file: String!) { startCensusImport(file: $file) { id status } }`,
      { file: uploaded.body.file },
      COMMAND_CENTRE,
    );
    expect(started.errors).toBeUndefined();
    const done = await finishedImport(started.data?.startCensusImport.id as string);
    expect(done).toMatchObject({ fileName: (uploaded.body.file as string).slice('uploads/'.length), status: 'finished', rowsRead: 5, registered: 2, alreadyRegistered: 0, refused: 3 });
    const errors = done.errors as { row: number; field: string; reason: string }[];
    expect(errors.map((error) => [error.row, error.field])).toEqual([
      [3, 'national_id'],
      [5, 'sex'],
      [6, 'community_id'],
    ]);
    expect(errors.every((error) => error.reason.length > 0)).toBe(true);

    await service.waitForProjections();
    const residents = await service.graphql<{ residents: { edges: { node: { fullName: string } }[] } }>(
      `{ residents(filter: { communityId: "${COMMUNITY}" }, first: 50) { edges { node { fullName } } } }`,
    );
    expect(residents.data?.residents.edges.map((edge) => edge.node.fullName).sort()).toEqual(['Li Xiuying', 'Zhao Lei']);
  });

  it('takes a file of exactly the limit, refuses one byte more with 413 and keeps no file', async () => {
    const atLimit = await upload(Buffer.alloc(MAX_BYTES, 'a'), { contentType: 'application/octet-stream' });
    expect(atLimit).toMatchObject({ status: 201, body: { bytes: MAX_BYTES } });
    const before = uploads();

    const declared = await upload(Buffer.alloc(MAX_BYTES + 1, 'a'));
    expect(declared).toMatchObject({ status: 413, body: { statusCode: 413 } });
    expect(declared.body.message).toContain(String(MAX_BYTES));
    expect(uploads()).toEqual(before);
  });

  it('refuses a declared size over the limit at once, before the body is sent', async () => {
    const before = uploads();
    // Only the headers and a few bytes go out: without the early refusal this would hang.
    const assertion = await identityAssertionHeaders(COMMAND_CENTRE);
    const answer = await new Promise<{ status: number; body: string }>((ok, fail) => {
      const request = httpRequest(`${base}/census-files`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', 'content-length': String(3 * 1024 ** 3), ...assertion },
      });
      const timer = setTimeout(() => request.destroy(new Error('no answer before the body was sent')), 5000);
      request.on('error', fail);
      request.on('response', (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
        response.on('end', () => ok({ status: response.statusCode ?? 0, body }));
      });
      request.on('close', () => clearTimeout(timer));
      request.write(CENSUS);
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ statusCode: 413 });
    expect(uploads()).toEqual(before);
  });

  it('stops a streamed upload of unknown length at the limit with 413 and deletes the partial file', async () => {
    const before = uploads();
    async function* chunks() {
      for (let i = 0; i < 12; i++) yield Buffer.alloc(16 * 1024, 'b');
    }
    const streamed = await upload(Readable.from(chunks()), { name: 'huge.csv' });
    expect(streamed).toMatchObject({ status: 413, body: { statusCode: 413 } });
    expect(uploads()).toEqual(before);
  });

  it('lets only administrators and the command centre upload or start an import', async () => {
    const before = uploads();
    const worker = await upload(CENSUS, { actor: WORKER });
    expect(worker).toMatchObject({ status: 403, body: { statusCode: 403 } });
    expect(worker.body.message).toMatch(/administrator and command_centre/);
    expect(await upload(CENSUS, { actor: null })).toMatchObject({ status: 401, body: { statusCode: 401 } });
    expect(uploads()).toEqual(before);

    const imports = async () => (await service.graphql<{ censusImports: unknown[] }>(`{ censusImports { id } }`)).data?.censusImports.length;
    const importsBefore = await imports();
    const refused = await service.graphql(`mutation { startCensusImport(file: "uploads/${before[0]}") { id } }`, {}, WORKER);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(await imports()).toBe(importsBefore);
  });

  it('keeps only a clean last segment of the given name, so a file cannot land outside uploads/', async () => {
    const escaping = await upload(CENSUS, { fileNameHeader: '../../etc', contentType: 'application/octet-stream' });
    expect(escaping.status).toBe(201);
    expect(escaping.body.file?.match(UPLOADED)?.[1]).toBe('etc');
    const stored = resolve(dir, escaping.body.file as string);
    expect(stored.startsWith(join(dir, 'uploads') + sep)).toBe(true);
    expect(readFileSync(stored, 'utf8')).toBe(CENSUS);

    const viaQuery = await upload(CENSUS, { name: '..\\..\\etc\\passwd.csv' });
    expect(viaQuery.body.file?.match(UPLOADED)?.[1]).toBe('passwd');
    const dotsOnly = await upload(CENSUS, { name: '..' });
    expect(dotsOnly.body.file?.match(UPLOADED)?.[1]).toBe('census');
    expect(existsSync(join(dir, 'etc'))).toBe(false);
  });

  it('refuses a body that is not CSV or octet-stream with 415', async () => {
    const form = await upload('a=b', { contentType: 'application/x-www-form-urlencoded' });
    expect(form).toMatchObject({ status: 415, body: { statusCode: 415 } });
  });
});
