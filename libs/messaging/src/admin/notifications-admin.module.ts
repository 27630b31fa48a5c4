import { Module } from '@nestjs/common';
import { NotificationRepository } from '../notification.repository';
import { NotificationAdminService } from './notification-admin.service';

/** The outbox for coordinators (the API). Needs a TypeORM DataSource and a Clock from the application. */
@Module({ providers: [NotificationRepository, NotificationAdminService], exports: [NotificationAdminService] })
export class NotificationsAdminModule {}
