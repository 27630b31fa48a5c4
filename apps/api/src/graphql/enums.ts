import { registerEnumType } from '@nestjs/graphql';
import { ClosureKind, OrganisationKind, ProgrammeKind, Role, SessionStatus } from '@app/database';

registerEnumType(Role, { name: 'Role' });
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });
registerEnumType(ProgrammeKind, { name: 'ProgrammeKind' });
registerEnumType(SessionStatus, { name: 'SessionStatus' });
registerEnumType(ClosureKind, { name: 'ClosureKind', description: 'Where a closure day comes from' });

export { ClosureKind, OrganisationKind, ProgrammeKind, Role, SessionStatus };
