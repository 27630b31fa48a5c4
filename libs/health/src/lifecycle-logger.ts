import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';

/** Logs the end of a graceful shutdown, so operators (and the SIGTERM test) can tell it from a crash. */
@Injectable()
export class LifecycleLogger implements OnApplicationShutdown {
  private readonly logger = new Logger('Lifecycle');

  onApplicationShutdown(signal?: string): void {
    this.logger.log(`stopped gracefully${signal ? ` after ${signal}` : ''}`);
  }
}
