// `npm run rebuild -- referrals [<read model> ...] | --list`: rebuilds the referrals service's read models
// from the log with a progress bar, while running services keep answering from the old rows.
// Uses DATABASE_URL like the service (npm start prints it).
import 'reflect-metadata';
import { runRebuildCommand } from '@gridcare/nest-event-sourcing';
import { AppModule } from './app.module';
import { ReferralsProjections } from './projections/referrals-projections';

runRebuildCommand(AppModule, ReferralsProjections, process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
