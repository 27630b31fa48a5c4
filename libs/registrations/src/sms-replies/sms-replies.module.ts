import { Module } from '@nestjs/common';
import { EventsModule } from '@app/events';
import { MessagingModule } from '@app/messaging';
import { RegistrationsModule } from '../registrations.module';
import { SmsRepliesRepository } from './sms-replies.repository';
import { SmsReplies } from './sms-replies.service';

/** Two-way SMS for the API's webhook. Needs a TypeORM DataSource, Transactions and a Clock from the application. */
@Module({ imports: [MessagingModule, EventsModule, RegistrationsModule], providers: [SmsReplies, SmsRepliesRepository], exports: [SmsReplies] })
export class SmsRepliesModule {}
