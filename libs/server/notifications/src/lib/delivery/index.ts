export * from './channels';
export * from './email';
export * from './outbound';
export * from './sender';
export * from './signatures';
