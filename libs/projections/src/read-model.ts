import { PoolClient } from 'pg';
import { Projection } from './projection';

/**
 * A read model in a service's PostgreSQL schema: a projection that owns tables. Its SQL names
 * those tables without a schema; the transaction it runs in sets the search path, to the
 * service's schema when live and to a shadow schema while it is rebuilt (see rebuildReadModel).
 * A table it does not own is then not found, rather than read or written at the wrong moment.
 */
export interface ReadModel extends Projection<PoolClient> {
  /** The tables it owns in the service's schema, unqualified. */
  readonly tables: readonly string[];
}
