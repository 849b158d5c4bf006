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
  /**
   * Registers checked rows, one outcome per row in the order given; must be idempotent (a
   * second run of a file registers no one twice). Throwing fails the import.
   */
  registerBatch: (rows: CensusRow[]) => Promise<RegistrationOutcome[]>;
  /** Rows registered together (one bulk append). */
  batchSize?: number;
  /** Batches registering at once; the file is read no faster than they finish. */
  batchesInFlight?: number;
  onProgress?: (counts: ImportCounts) => void | Promise<void>;
  /** Told of each refused row too (the report file has them all). */
  onRefused?: (rowNumber: number, problems: RowProblem[]) => void;
  progressEvery?: number;
}

/**
 * Streams a census CSV: each row is checked, then registered in batches; a refused row goes to
 * the error report (row number, field, reason) and never holds the good rows back. The file is
 * never loaded whole: rows are parsed as they are read, with a bounded number in flight.
 * Row numbers count the header as row 1, as a spreadsheet shows them.
 */
export async function runCensusImport(input: Readable, errorReport: Writable, options: CensusImportOptions): Promise<ImportCounts> {
  const counts: ImportCounts = { rowsRead: 0, registered: 0, alreadyRegistered: 0, refused: 0 };
  const batchSize = options.batchSize ?? 500;
  const batchesInFlight = options.batchesInFlight ?? 2;
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
  const register = async (rows: CensusRow[], rowNumbers: number[]) => {
    const outcomes = await options.registerBatch(rows);
    for (const [index, result] of outcomes.entries()) {
      if (result.outcome === 'registered') counts.registered++;
      else if (result.outcome === 'already-registered') counts.alreadyRegistered++;
      else if (result.outcome === 'refused') await refuse(rowNumbers[index], result.problems);
    }
  };

  const parser = input.pipe(parse({ columns: (header: string[]) => checkHeader(header), skip_empty_lines: true, relax_column_count: true, bom: true }));
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  const dispatch = (rows: CensusRow[], rowNumbers: number[]) => {
    const task = register(rows, rowNumbers)
      .catch((error: unknown) => void (failure ??= error))
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  };
  let headerError: Error | undefined;
  parser.on('error', (error) => (headerError = error));
  let rows: CensusRow[] = [];
  let rowNumbers: number[] = [];
  let rowNumber = 1;
  for await (const raw of parser as AsyncIterable<Record<string, string>>) {
    rowNumber++;
    counts.rowsRead++;
    const parsed = parseCensusRow(raw);
    if ('problems' in parsed) {
      await refuse(rowNumber, parsed.problems);
    } else {
      rows.push(parsed.row);
      rowNumbers.push(rowNumber);
    }
    if (rows.length >= batchSize) {
      dispatch(rows, rowNumbers);
      [rows, rowNumbers] = [[], []];
      while (inFlight.size >= batchesInFlight) await Promise.race(inFlight);
    }
    if (failure) break;
    if (counts.rowsRead % progressEvery === 0) await options.onProgress?.({ ...counts });
  }
  if (rows.length && !failure) dispatch(rows, rowNumbers);
  await Promise.all(inFlight);
  if (headerError) throw headerError;
  if (failure) throw failure;
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
