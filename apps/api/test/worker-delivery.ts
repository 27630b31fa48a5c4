import { DiscoveryService } from '@nestjs/core';
import type { AppConfig } from '@app/config';
import { Transactions } from '@app/database';
import { ComposerRegistry, EmailChannel, MailOptOuts, NotificationDelivery, NotificationRepository, SmsChannel, SmsOptOuts } from '@app/messaging';
import type { TestApi } from './test-api';

/**
 * The worker's delivery over the API's database and providers (the API loads every domain's
 * composers), for API tests that send what they wrote without starting a worker.
 */
export function deliveryOf(api: TestApi, config: AppConfig): NotificationDelivery {
  const composers = new ComposerRegistry(api.app.get(DiscoveryService));
  composers.onModuleInit();
  return new NotificationDelivery(
    new Transactions(api.dataSource),
    new NotificationRepository(api.dataSource),
    new EmailChannel(config),
    new SmsChannel(config),
    api.clock,
    composers,
    api.app.get(MailOptOuts),
    new SmsOptOuts(),
    config,
  );
}
