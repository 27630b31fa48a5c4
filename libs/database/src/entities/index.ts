export * from './base.entity';
