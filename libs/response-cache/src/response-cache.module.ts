import { Global, Module, OnModuleInit } from '@nestjs/common';
import { Transactions } from '@app/database';
import { ResponseCache } from './response-cache';

/**
 * The response cache and its invalidation. Both the API and the worker import it: every
 * transaction either of them commits retires the cached public answers (see ResponseCache).
 */
@Global()
@Module({ providers: [ResponseCache], exports: [ResponseCache] })
export class ResponseCacheModule implements OnModuleInit {
  constructor(
    private readonly transactions: Transactions,
    private readonly cache: ResponseCache,
  ) {}

  onModuleInit(): void {
    this.transactions.onCommitted(() => this.cache.bump());
  }
}
