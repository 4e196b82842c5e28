export * from './lib/region.entity';
export * from './lib/regions.http.module';
export * from './lib/regions.module';
export * from './lib/regions.service';
