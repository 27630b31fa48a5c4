import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { FestivalModule } from '@app/festival';
import { NotificationsAdminModule } from '@app/messaging';
import { OrganisationsModule } from '@app/organisations';
import { RegistrationsModule } from '@app/registrations';
import { SchedulingModule } from '@app/scheduling';
import { VolunteersModule } from '@app/volunteers';
import { LoadersFactory } from './loaders';

@Module({
  imports: [AuthModule, SchedulingModule, RegistrationsModule, NotificationsAdminModule, FestivalModule, VolunteersModule, OrganisationsModule],
  providers: [LoadersFactory],
  exports: [LoadersFactory],
})
export class LoadersModule {}
