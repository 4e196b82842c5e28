export * from './lib/delivery';
export * from './lib/delivery.service';
export * from './lib/notification.entities';
export * from './lib/notifications.module';
export * from './lib/notifications.service';
