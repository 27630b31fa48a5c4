import { UNIT_PROJECT_MARKER } from '../unit-project';

// Each test file gets its own copy of process.env, so this stays within the unit project's files
// even when `npm test` runs both projects in the same workers, after the e2e global setup has
// put the addresses of its PostgreSQL and Redis into the environment.
process.env[UNIT_PROJECT_MARKER] = 'unit';
for (const name of ['TEST_PG_ADMIN_URL', 'TEST_REDIS_URL', 'DATABASE_URL', 'REDIS_URL']) delete process.env[name];
