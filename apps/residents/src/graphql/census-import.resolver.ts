import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { CensusImport } from '../generated/prisma/client';
import { CensusFileRefused, CensusImports } from '../census-import/census-imports.service';
import { ResidentsPrisma } from '../database/residents-database.module';
import { actorOfIdentity } from '@gridcare/identity';
import { ResidentsContext } from '../identity/request-actor';
import { actingIdentity, readerOf } from '../identity/resident-access';
import { CENSUS_IMPORT_REFUSED, mayImportCensus, mayReadCensusImports } from '../census-import/census-import-roles';
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
  async startCensusImport(@Args('file') file: string, @Context() context: ResidentsContext) {
    const actor = actorOfIdentity(actingIdentity(context, 'import census files'));
    if (!mayImportCensus(actor)) throw forbidden(CENSUS_IMPORT_REFUSED);
    let importId: string;
    try {
      importId = await this.imports.start(this.imports.resolveServerFile(file), actor);
    } catch (error) {
      if (error instanceof CensusFileRefused) throw badInput('file', error.message);
      throw error;
    }
    return this.importView(importId);
  }

  @Query('censusImport')
  async censusImport(@Args('id') id: string, @Context() context: ResidentsContext) {
    this.assertMayRead(context);
    return this.importView(id);
  }

  private async importView(id: string) {
    const row = await this.prisma.censusImport.findUnique({ where: { importId: id } }).catch(() => null);
    return row ? view(row) : null;
  }

  @Query('censusImports')
  async censusImports(@Context() context: ResidentsContext) {
    this.assertMayRead(context);
    return (await this.prisma.censusImport.findMany({ orderBy: { startedAt: 'desc' }, take: 100 })).map(view);
  }

  private assertMayRead(context: ResidentsContext): void {
    const identity = readerOf(context);
    if (!mayReadCensusImports(identity.role)) throw forbidden(`role ${identity.role} may not read census imports`);
  }

  @ResolveField('errors')
  async errors(@Parent() parent: { id: string }, @Args('first') first: number) {
    return this.prisma.censusImportError.findMany({ where: { importId: parent.id }, orderBy: [{ row: 'asc' }, { field: 'asc' }], take: Math.min(Math.max(first, 1), 1000) });
  }
}
