import { Module } from '@nestjs/common';
import { EventsModule } from '@app/events';
import { MessagingModule } from '@app/messaging';
import { SmsRepliesRepository } from './sms-replies.repository';
import { SmsReplies } from './sms-replies.service';

/** Two-way SMS for the API's webhook. Needs a TypeORM DataSource, Transactions and a Clock from the application. */
@Module({ imports: [MessagingModule, EventsModule], providers: [SmsReplies, SmsRepliesRepository], exports: [SmsReplies] })
export class SmsRepliesModule {}
