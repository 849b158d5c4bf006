import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { CensusImport } from '../generated/prisma/client';
import { CensusFileRefused, CensusImports } from '../census-import/census-imports.service';
import { ResidentsPrisma } from '../database/residents-database.module';
import { actorOf } from '../identity/request-actor';
import { CENSUS_IMPORT_REFUSED, mayImportCensus } from '../census-import/census-import-roles';
import { badInput, forbidden } from './graphql-errors';

const view = (row: CensusImport) => ({
  id: row.importId,
  fileName: row.fileName,
  status: row.status,
  rowsRead: row.rowsRead,
  registered: row.registered,
  alreadyRegistered: row.alreadyRegistered,
  refused: row.refused,
  errorReportPath: row.errorReportPath,
  failure: row.failure,
  startedBy: row.startedBy,
  startedAt: row.startedAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

@Resolver('CensusImport')
export class CensusImportResolver {
  constructor(
    private readonly imports: CensusImports,
    private readonly prisma: ResidentsPrisma,
  ) {}

  @Mutation('startCensusImport')
  async startCensusImport(@Args('file') file: string, @Context() context: { req?: never }) {
    const actor = actorOf(context);
    if (!mayImportCensus(actor)) throw forbidden(CENSUS_IMPORT_REFUSED);
    let importId: string;
    try {
      importId = await this.imports.start(this.imports.resolveServerFile(file), actor);
    } catch (error) {
      if (error instanceof CensusFileRefused) throw badInput('file', error.message);
      throw error;
    }
    return this.censusImport(importId);
  }

  @Query('censusImport')
  async censusImport(@Args('id') id: string) {
    const row = await this.prisma.censusImport.findUnique({ where: { importId: id } }).catch(() => null);
    return row ? view(row) : null;
  }

  @Query('censusImports')
  async censusImports() {
    return (await this.prisma.censusImport.findMany({ orderBy: { startedAt: 'desc' }, take: 100 })).map(view);
  }

  @ResolveField('errors')
  async errors(@Parent() parent: { id: string }, @Args('first') first: number) {
    return this.prisma.censusImportError.findMany({ where: { importId: parent.id }, orderBy: [{ row: 'asc' }, { field: 'asc' }], take: Math.min(Math.max(first, 1), 1000) });
  }
}
