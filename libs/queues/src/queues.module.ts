import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { JobProducer } from './job-producer';
import { QUEUE_PREFIX, QueueName } from './queue-names';
import { redisConnectionOptions } from './redis-connection';

const QUEUES = Object.values(QueueName).map((name) => BullModule.registerQueue({ name }));

@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ connection: redisConnectionOptions(config.redisUrl), prefix: QUEUE_PREFIX }),
    }),
    ...QUEUES,
  ],
  providers: [JobProducer],
  exports: [JobProducer, ...QUEUES],
})
export class QueuesModule {}
