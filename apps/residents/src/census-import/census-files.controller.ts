import { IncomingMessage, ServerResponse } from 'node:http';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BadRequestException, Controller, ForbiddenException, HttpCode, HttpException, HttpStatus, Logger, PayloadTooLargeException, Post, Query, Req, Res,
  UnauthorizedException, UnsupportedMediaTypeException,
} from '@nestjs/common';
import { Actor } from '@gridcare/event-store';
import { actorOfIdentity, IdentityVerifier, isReadOnly, requestIdentity } from '@gridcare/identity';
import { CENSUS_IMPORT_REFUSED, mayImportCensus } from './census-import-roles';
import { CensusImports } from './census-imports.service';
import { censusUploadName, decodeHeaderName } from './census-upload-name';
import { CensusFileTooLarge, CensusUploadInterrupted, maxCensusBytes, receiveCensusFile } from './census-upload';

/** Uploads go here, inside the import folder, so `startCensusImport(file:)` can name them. */
const UPLOADS = 'uploads';
/**
 * Neither type is one a browser form can send, so a cross-site page cannot upload without a
 * CORS preflight, which this service does not grant. The body parsers Nest installs (JSON and
 * URL-encoded) leave these bodies unread.
 */
const CENSUS_TYPES = ['text/csv', 'application/octet-stream'];

export interface CensusFileUploaded {
  /** The value to pass to `startCensusImport(file:)`. */
  file: string;
  bytes: number;
}

/**
 * `POST /census-files`: the census CSV as the raw request body, streamed into the import
 * folder. Plain HTTP rather than a GraphQL upload, as Apollo advises (CSRF, gateways).
 */
@Controller('census-files')
export class CensusFilesController {
  private readonly logger = new Logger(CensusFilesController.name);

  constructor(
    private readonly imports: CensusImports,
    private readonly verifier: IdentityVerifier,
  ) {}

  @Post()
  @HttpCode(HttpStatus.CREATED)
  async upload(
    @Req() request: IncomingMessage,
    @Res({ passthrough: true }) response: ServerResponse,
    @Query('name') name?: string,
  ): Promise<CensusFileUploaded> {
    try {
      return await this.receive(request, name ?? decodeHeaderName(header(request, 'x-file-name')));
    } catch (error) {
      // A refused upload is not read to its end: close the connection rather than drain it.
      if (!request.complete) response.setHeader('connection', 'close');
      throw asHttpError(error);
    }
  }

  private async receive(request: IncomingMessage, originalName: string | undefined): Promise<CensusFileUploaded> {
    const actor = await this.uploaderOf(request);
    const type = (header(request, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (!CENSUS_TYPES.includes(type)) throw new UnsupportedMediaTypeException(`send the census file as text/csv or application/octet-stream, not ${type || 'without a content type'}`);
    if (request.readableEnded) throw new Error('the request body was read before the upload: a body parser took it');
    const maxBytes = maxCensusBytes();
    if (Number(header(request, 'content-length') ?? 0) > maxBytes) throw new CensusFileTooLarge(maxBytes);

    const dir = join(this.imports.importDir(), UPLOADS);
    await mkdir(dir, { recursive: true });
    const name = censusUploadName(originalName);
    const bytes = await receiveCensusFile(request, join(dir, name), maxBytes);
    if (bytes === 0) {
      await rm(join(dir, name), { force: true });
      throw new BadRequestException('the census file is empty');
    }
    this.logger.log(`${actor.id} (${actor.role}) uploaded census file ${UPLOADS}/${name}, ${bytes} bytes`);
    return { file: `${UPLOADS}/${name}`, bytes };
  }

  /** The actor of the gateway's signed assertion (401 without a valid one), refused (403) unless they may import census files. */
  private async uploaderOf(request: IncomingMessage): Promise<Actor> {
    const verified = await requestIdentity(this.verifier, request.headers);
    if ('refused' in verified) throw new UnauthorizedException(`not authenticated: ${verified.refused.message}`);
    const actor = actorOfIdentity(verified.identity);
    if (isReadOnly(verified.identity.role) || !mayImportCensus(actor)) throw new ForbiddenException(CENSUS_IMPORT_REFUSED);
    return actor;
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function asHttpError(error: unknown): unknown {
  if (error instanceof HttpException) return error;
  if (error instanceof CensusFileTooLarge) return new PayloadTooLargeException(error.message);
  if (error instanceof CensusUploadInterrupted) return new BadRequestException(error.message);
  return error;
}
