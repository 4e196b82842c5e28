import { DynamicModule, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { HEALTH_OPTIONS, HealthService, type HealthOptions } from './health.service';

@Module({})
export class HealthHttpModule {
  static forRoot(options: HealthOptions): DynamicModule {
    return {
      module: HealthHttpModule,
      controllers: [HealthController],
      providers: [HealthService, { provide: HEALTH_OPTIONS, useValue: options }],
    };
  }
}
