export * from './databases';
export * from './platform';
export * from './queues';
export { freePort } from '@lianzhang/server/embedded';
