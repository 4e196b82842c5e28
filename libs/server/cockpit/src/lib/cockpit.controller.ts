import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CockpitDto } from '@lianzhang/contracts';
import { Authenticated, CurrentUser, type AuthenticatedUser } from '@lianzhang/server/core';
import { CockpitService } from './cockpit.service';

@ApiTags('cockpit')
@Controller('cockpit')
export class CockpitController {
  constructor(private readonly cockpit: CockpitService) {}

  @Authenticated('cockpit:read')
  @Get()
  @ApiOperation({
    summary:
      'The provincial cockpit (驾驶舱): every chain in the caller’s scope with its colour and reasons, tasks, short boards, investment, open 督办单, indicators, a chain × city heat map and weekly trends',
  })
  summary(@CurrentUser() user: AuthenticatedUser): Promise<CockpitDto> {
    return this.cockpit.summary(user);
  }
}
