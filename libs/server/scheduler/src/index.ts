export * from './lib/event-effects';
export * from './lib/scheduled-event.entity';
export * from './lib/scheduler.module';
export * from './lib/scheduler.service';
