import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPaths, type HealthResponse } from '@lianzhang/contracts';
import { Public } from '../auth/auth.decorators';
import type { Response } from 'express';
import { HealthService } from './health.service';

@ApiTags('system')
@Public()
@Controller(ApiPaths.health)
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 when the database answers and a canary job went through the queue and a worker; 503 otherwise. */
  @Get()
  @ApiOperation({ summary: 'Health: database and a canary job round trip through the queue' })
  async get(@Res({ passthrough: true }) response: Response): Promise<HealthResponse> {
    const result = await this.health.check();
    response.status(result.status === 'up' ? 200 : 503);
    response.setHeader('Cache-Control', 'no-store');
    return result;
  }
}
