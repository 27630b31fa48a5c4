import { Module } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
import { BroadcastsRepository } from './broadcasts.repository';
import { BroadcastsService } from './broadcasts.service';

/** Broadcasts for the API. Needs a TypeORM DataSource and a Clock from the application. */
@Module({ imports: [MessagingModule], providers: [BroadcastsRepository, BroadcastsService], exports: [BroadcastsService] })
export class BroadcastsModule {}
