import { registerEnumType } from '@nestjs/graphql';
import { ClosureKind, ContactChannel, OrganisationKind, ProgrammeKind, ReferralChannel, RegistrationStatus, Role, SessionStatus } from '@app/database';

registerEnumType(Role, { name: 'Role' });
registerEnumType(OrganisationKind, { name: 'OrganisationKind' });
registerEnumType(ProgrammeKind, { name: 'ProgrammeKind' });
registerEnumType(SessionStatus, { name: 'SessionStatus' });
registerEnumType(ClosureKind, { name: 'ClosureKind', description: 'Where a closure day comes from' });

registerEnumType(RegistrationStatus, { name: 'RegistrationStatus' });
registerEnumType(ContactChannel, { name: 'ContactChannel', description: 'How a participant can be reached' });
registerEnumType(ReferralChannel, { name: 'ReferralChannel', description: 'How a participant found the programme' });

export { ClosureKind, ContactChannel, OrganisationKind, ProgrammeKind, ReferralChannel, RegistrationStatus, Role, SessionStatus };
