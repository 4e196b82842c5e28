export * from './lib/calendar.entities';
export * from './lib/calendar.module';
export * from './lib/calendar.service';
