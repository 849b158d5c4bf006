import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { tmpdir } from 'node:os';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Actor } from '@gridcare/event-store';
import { Clock, CLOCK } from '@gridcare/nest-event-sourcing';
import { ResidentsPrisma } from '../database/residents-database.module';
import { TriageRuleSets } from '../rule-sets/triage-rule-sets.service';
import { ImportCounts, runCensusImport } from './census-import-run';
import { CensusRegistrar } from './census-registrar';
import { RowProblem } from './census-row';

/** Refused rows kept in the database for the query; the report file has every one. */
const MAX_STORED_ERRORS = 10_000;

export interface ImportRunOptions {
  /** Rows registered together in one bulk append. */
  batchSize?: number;
  /** Counts so far, and how many bytes of the file have been read. */
  onProgress?: (counts: ImportCounts, bytesRead: number) => void;
}

export class CensusFileRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CensusFileRefused';
  }
}

/**
 * Runs census imports in the background and records their progress. Server-side files must
 * sit inside the import folder (GRIDCARE_IMPORT_DIR), so the API cannot be used to read
 * arbitrary files; the error report goes to GRIDCARE_IMPORT_REPORTS.
 */
@Injectable()
export class CensusImports implements OnApplicationShutdown {
  private readonly logger = new Logger(CensusImports.name);
  private readonly running = new Map<string, Promise<ImportCounts>>();

  constructor(
    private readonly prisma: ResidentsPrisma,
    private readonly registrar: CensusRegistrar,
    private readonly ruleSets: TriageRuleSets,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  importDir(): string {
    return resolve(process.env.GRIDCARE_IMPORT_DIR ?? join(process.cwd(), '.data', 'imports'));
  }

  reportDir(): string {
    return resolve(process.env.GRIDCARE_IMPORT_REPORTS ?? join(tmpdir(), 'gridcare-census-reports'));
  }

  /** A file named relative to the import folder (or an absolute path inside it). */
  resolveServerFile(file: string): string {
    const dir = this.importDir();
    const path = resolve(dir, file);
    if (!path.startsWith(dir + sep)) throw new CensusFileRefused(`the file must be inside the import folder ${dir}`);
    return path;
  }

  /** Starts an import and returns its id at once; `finished(id)` resolves when it is done. */
  async start(path: string, actor: Actor, options: ImportRunOptions = {}): Promise<string> {
    const importId = randomUUID();
    await mkdir(this.reportDir(), { recursive: true });
    const errorReportPath = join(this.reportDir(), `${basename(path)}.${importId}.errors.csv`);
    const input = createReadStream(path);
    await new Promise<void>((ok, fail) => input.once('open', () => ok()).once('error', (error) => fail(new CensusFileRefused(`cannot read ${path}: ${error.message}`))));
    await this.prisma.censusImport.create({
      data: { importId, fileName: basename(path), status: 'running', errorReportPath, startedBy: actor.id, startedAt: this.clock.now() },
    });
    const run = this.run(importId, input, errorReportPath, actor, options);
    this.running.set(importId, run);
    void run.catch(() => undefined).finally(() => this.running.delete(importId));
    return importId;
  }

  describe(importId: string) {
    return this.prisma.censusImport.findUnique({ where: { importId } });
  }

  finished(importId: string): Promise<ImportCounts | undefined> {
    return this.running.get(importId) ?? Promise.resolve(undefined);
  }

  private async run(
    importId: string,
    input: NodeJS.ReadableStream,
    errorReportPath: string,
    actor: Actor,
    options: ImportRunOptions,
  ): Promise<ImportCounts> {
    // The whole run triages with the rule set in force when it started; a later publication
    // re-triages the residents it affects.
    const ruleSet = await this.ruleSets.current();
    const context = { actor, correlationId: importId };
    let stored = 0;
    const pendingErrors: { importId: string; row: number; field: string; reason: string }[] = [];
    const flushErrors = async () => {
      if (!pendingErrors.length) return;
      await this.prisma.censusImportError.createMany({ data: pendingErrors.splice(0), skipDuplicates: true });
    };
    try {
      const counts = await runCensusImport(input as never, createWriteStream(errorReportPath), {
        batchSize: options.batchSize,
        registerBatch: (rows) => this.registrar.registerBatch(rows, importId, context, ruleSet),
        onRefused: (row: number, problems: RowProblem[]) => {
          for (const problem of problems) {
            if (stored++ < MAX_STORED_ERRORS) pendingErrors.push({ importId, row, field: problem.field, reason: problem.reason });
          }
        },
        onProgress: async (progress) => {
          options.onProgress?.(progress, (input as unknown as { bytesRead: number }).bytesRead);
          await flushErrors();
          await this.prisma.censusImport.update({ where: { importId }, data: progress });
        },
      });
      await flushErrors();
      await this.prisma.censusImport.update({ where: { importId }, data: { ...counts, status: 'finished', finishedAt: this.clock.now() } });
      return counts;
    } catch (error) {
      this.logger.error(`census import ${importId} failed: ${String(error)}`);
      await this.prisma.censusImport.update({ where: { importId }, data: { status: 'failed', failure: String((error as Error).message ?? error), finishedAt: this.clock.now() } });
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.running.values());
  }
}
