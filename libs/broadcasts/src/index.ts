export * from './entities';
export * from './broadcast-rules';
export * from './broadcasts.service';
export * from './broadcasts.module';
export * from './broadcast-composer';
