export * from './lib/challenge.entities';
export * from './lib/challenges.module';
export * from './lib/challenges.http.module';
export * from './lib/challenges.service';
