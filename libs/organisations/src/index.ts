// Organisations (schools, centres, associations) in a lib of their own: users belong to one (auth)
// and venues, sessions' participants and stands point at one (scheduling, registrations, festival),
// while scheduling's sessions point at users. With the table in scheduling, auth and scheduling
// would import each other.
export * from './entities';
export * from './organisations.repository';
export * from './organisations.module';
export * from './organisation-screening.service';
export * from './screening';
