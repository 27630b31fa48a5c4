// Every migration, in order. `npm run migration:generate -- <Name>` appends new ones here.
import { Registrations1795432790114 } from './1795432790114-Registrations';
import { Initial1795430355210 } from './1795430355210-Initial';
export const MIGRATIONS: Function[] = [Initial1795430355210, Registrations1795432790114];
