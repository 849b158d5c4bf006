export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { __gridcarePostgres?: { stop(): Promise<void> } };
  if (holder.__gridcarePostgres) {
    await holder.__gridcarePostgres.stop();
    delete holder.__gridcarePostgres;
  }
}
