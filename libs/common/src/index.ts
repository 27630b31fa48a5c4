export * from './error-code';
export * from './app-error';
export * from './clock';
export * from './validate';
export * from './actor';
export * from './cursor';
export * from './clock.module';
export * from './logging';
