export * from './lib/exchange.module';
export * from './lib/exchange.http.module';
export * from './lib/imports.service';
export { importTemplate } from './lib/templates';
