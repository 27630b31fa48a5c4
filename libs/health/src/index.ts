export * from './health.module';
export * from './metrics/metrics.module';
export * from './metrics/metrics.registry';
