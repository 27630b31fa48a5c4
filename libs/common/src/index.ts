export * from './error-code';
export * from './app-error';
export * from './clock';
export * from './validate';
export * from './actor';
