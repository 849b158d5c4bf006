// Synthetic census file for a city shaped like Beijing, for bulk-import tests and load runs:
//   npx tsx tools/census/generate-census.ts --residents=1000000 --seed=42 --out=tmp/census.csv \
//     [--city-out=tmp/city.json] [--bad-rows=N]
//   npm run census:generate -- --residents=1000000 --seed=42 --out=tmp/census.csv
// Rows stream to the file (backpressure respected); progress goes to stderr. The same options
// always give byte-identical files. See README.md beside this file.
import { stringify } from 'csv-stringify/sync';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { cityToJson, createCity } from './city';
import { badRowPlan, CENSUS_COLUMNS, censusRecord, residentRows } from './residents';

export interface CensusFileOptions {
  residents: number;
  seed: number;
  out: string;
  cityOut?: string;
  badRows?: number;
  /** Called with rows written so far, about every 2% and at the end. */
  onProgress?: (written: number, total: number) => void;
}

export interface CensusFileResult {
  rows: number;
  bytes: number;
}

/** Rows per csv-stringify call and per chunk handed to the file stream. */
const BATCH = 2000;

/** The CSV text in chunks of BATCH rows: the header first, then the rows. */
export function* censusCsvChunks(options: CensusFileOptions): Generator<string, void, undefined> {
  const city = createCity(options.seed);
  const total = options.residents + (options.badRows ?? 0);
  const step = Math.max(BATCH, Math.ceil(total / 50 / BATCH) * BATCH);
  yield stringify([[...CENSUS_COLUMNS]]);
  let batch: string[][] = [];
  let written = 0;
  for (const row of residentRows(city, { count: options.residents, seed: options.seed, badRows: options.badRows })) {
    batch.push(censusRecord(row));
    if (batch.length === BATCH) {
      yield stringify(batch);
      written += batch.length;
      batch = [];
      if (written % step === 0) options.onProgress?.(written, total);
    }
  }
  if (batch.length || written % step !== 0 || written === 0) {
    if (batch.length) yield stringify(batch);
    written += batch.length;
    options.onProgress?.(written, total);
  }
}

/** Writes the census CSV (and city.json when asked), resolving once the file is flushed. */
export async function writeCensusFile(options: CensusFileOptions): Promise<CensusFileResult> {
  mkdirSync(dirname(options.out), { recursive: true });
  if (options.cityOut) {
    mkdirSync(dirname(options.cityOut), { recursive: true });
    writeFileSync(options.cityOut, cityToJson(createCity(options.seed)));
  }
  const file = createWriteStream(options.out);
  // pipeline pulls the next chunk only when the file stream has room (backpressure).
  await pipeline(Readable.from(censusCsvChunks(options), { objectMode: false, highWaterMark: 1 << 20 }), file);
  return { rows: options.residents + (options.badRows ?? 0), bytes: file.bytesWritten };
}

function integerOption(name: string, value: string | undefined, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) > max) throw new Error(`--${name} must be an integer in 0..${max}, got "${value}"`);
  return Number(value);
}

export function parseCliOptions(argv: string[]): CensusFileOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      residents: { type: 'string' },
      seed: { type: 'string' },
      out: { type: 'string' },
      'city-out': { type: 'string' },
      'bad-rows': { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  return {
    residents: integerOption('residents', values.residents, 1_000_000),
    seed: integerOption('seed', values.seed, 42, 0xffffffff),
    out: values.out ?? 'tmp/census.csv',
    cityOut: values['city-out'],
    badRows: integerOption('bad-rows', values['bad-rows'], 0),
  };
}

async function main(): Promise<void> {
  const options = parseCliOptions(process.argv.slice(2));
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
  process.stderr.write(
    `census: ${options.residents.toLocaleString('en')} residents` +
      `${options.badRows ? ` + ${options.badRows} bad rows` : ''}, seed ${options.seed} -> ${options.out}\n`,
  );
  const result = await writeCensusFile({
    ...options,
    onProgress: (written, total) =>
      process.stderr.write(`census: ${written.toLocaleString('en')}/${total.toLocaleString('en')} rows (${total ? Math.round((100 * written) / total) : 100}%) ${seconds()}s\n`),
  });
  if (options.cityOut) process.stderr.write(`census: city written to ${options.cityOut}\n`);
  if (options.badRows) {
    const lines = badRowPlan(options.residents, options.badRows).slice(0, 10).map((b) => `${b.index + 2}:${b.kind}`);
    process.stderr.write(`census: bad rows at file lines ${lines.join(', ')}${options.badRows > 10 ? ', ...' : ''}\n`);
  }
  process.stderr.write(`census: done, ${result.rows.toLocaleString('en')} rows, ${(result.bytes / 1e6).toFixed(1)} MB in ${seconds()}s\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`census: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
