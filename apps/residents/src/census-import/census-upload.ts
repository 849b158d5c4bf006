import { IncomingMessage } from 'node:http';
import { open, rm } from 'node:fs/promises';
import { PassThrough, Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export const DEFAULT_MAX_CENSUS_BYTES = 2 * 1024 ** 3;

export class CensusFileTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`the census file is larger than ${maxBytes} bytes`);
    this.name = 'CensusFileTooLarge';
  }
}

export class CensusUploadInterrupted extends Error {
  constructor() {
    super('the upload ended before the whole file was received');
    this.name = 'CensusUploadInterrupted';
  }
}

/** GRIDCARE_IMPORT_MAX_BYTES, or 2 GiB. */
export function maxCensusBytes(): number {
  const configured = process.env.GRIDCARE_IMPORT_MAX_BYTES;
  if (configured === undefined || configured === '') return DEFAULT_MAX_CENSUS_BYTES;
  const bytes = Number(configured);
  if (!Number.isSafeInteger(bytes) || bytes <= 0) throw new Error(`GRIDCARE_IMPORT_MAX_BYTES must be a whole number of bytes, not ${configured}`);
  return bytes;
}

/**
 * Streams a request body into a new file, chunk by chunk, never holding the file in memory.
 * Past `maxBytes` it stops with CensusFileTooLarge; on any failure the partial file is deleted.
 * Resolves with the number of bytes written.
 */
export async function receiveCensusFile(request: IncomingMessage, path: string, maxBytes: number): Promise<number> {
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > maxBytes ? new CensusFileTooLarge(maxBytes) : null, chunk);
    },
  });
  // Opened before streaming ('wx': never over another file), so the delete below cannot run
  // before the file exists.
  const file = await open(path, 'wx');
  try {
    await pipeline(bodyOf(request), limit, file.createWriteStream());
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  return bytes;
}

/**
 * The request body as a stream the upload may abandon without destroying the request: Node
 * documents that destroying a request destroys its socket, and the client would never hear the 413.
 */
function bodyOf(request: IncomingMessage): Readable {
  const body = new PassThrough();
  request.once('error', (error) => body.destroy(error));
  request.once('close', () => {
    if (!request.complete) body.destroy(new CensusUploadInterrupted());
  });
  return request.pipe(body);
}
