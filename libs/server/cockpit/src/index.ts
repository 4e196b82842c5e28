export * from './lib/cockpit.module';
export * from './lib/cockpit.service';
