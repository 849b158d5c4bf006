import { once } from 'node:events';
import { Readable, Writable } from 'node:stream';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { CENSUS_COLUMNS, CensusRow, parseCensusRow, RowProblem } from './census-row';

export type RegistrationOutcome = { outcome: 'registered' | 'already-registered' } | { outcome: 'refused'; problems: RowProblem[] };

export interface ImportCounts {
  rowsRead: number;
  registered: number;
  alreadyRegistered: number;
  refused: number;
}

export interface CensusImportOptions {
  /** Registers one checked row; must be idempotent (a second run of a file registers no one twice). */
  register: (row: CensusRow, rowNumber: number) => Promise<RegistrationOutcome>;
  /** Rows registered at once; the file is read no faster than they finish. */
  concurrency?: number;
  onProgress?: (counts: ImportCounts) => void | Promise<void>;
  /** Told of each refused row too (the report file has them all). */
  onRefused?: (rowNumber: number, problems: RowProblem[]) => void;
  progressEvery?: number;
}

/**
 * Streams a census CSV: each row is checked, then registered; a refused row goes to the
 * error report (row number, field, reason) and never holds the good rows back. The file is
 * never loaded whole: rows are parsed as they are read, with a bounded number in flight.
 * Row numbers count the header as row 1, as a spreadsheet shows them.
 */
export async function runCensusImport(input: Readable, errorReport: Writable, options: CensusImportOptions): Promise<ImportCounts> {
  const counts: ImportCounts = { rowsRead: 0, registered: 0, alreadyRegistered: 0, refused: 0 };
  const concurrency = options.concurrency ?? 16;
  const progressEvery = options.progressEvery ?? 1000;
  const report = stringify({ header: true, columns: ['row', 'field', 'reason'] });
  report.pipe(errorReport);
  const refuse = async (rowNumber: number, problems: RowProblem[]) => {
    counts.refused++;
    options.onRefused?.(rowNumber, problems);
    for (const problem of problems) {
      if (!report.write([rowNumber, problem.field, problem.reason])) await once(report, 'drain');
    }
  };

  const parser = input.pipe(parse({ columns: (header: string[]) => checkHeader(header), skip_empty_lines: true, relax_column_count: true, bom: true }));
  const inFlight = new Set<Promise<void>>();
  let headerError: Error | undefined;
  parser.on('error', (error) => (headerError = error));
  let rowNumber = 1;
  for await (const raw of parser as AsyncIterable<Record<string, string>>) {
    rowNumber++;
    counts.rowsRead++;
    const current = rowNumber;
    const parsed = parseCensusRow(raw);
    if ('problems' in parsed) {
      await refuse(current, parsed.problems);
    } else {
      const task = options
        .register(parsed.row, current)
        .then(async (result) => {
          if (result.outcome === 'registered') counts.registered++;
          else if (result.outcome === 'already-registered') counts.alreadyRegistered++;
          else if (result.outcome === 'refused') await refuse(current, result.problems);
        })
        .catch((error: unknown) => refuse(current, [{ field: 'row', reason: `could not be registered: ${(error as Error).message}` }]))
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
      if (inFlight.size >= concurrency) await Promise.race(inFlight);
    }
    if (counts.rowsRead % progressEvery === 0) await options.onProgress?.({ ...counts });
  }
  await Promise.all(inFlight);
  if (headerError) throw headerError;
  report.end();
  await once(errorReport, 'finish');
  await options.onProgress?.({ ...counts });
  return counts;
}

function checkHeader(header: string[]): string[] {
  const names = header.map((name) => name.trim().toLowerCase());
  const missing = CENSUS_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length) throw new Error(`the census file lacks the columns: ${missing.join(', ')}`);
  return names;
}
