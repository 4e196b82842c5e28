import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentUser, type AuthenticatedUser } from '@lianzhang/server/core';
import type { Response } from 'express';
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
  @ApiOkResponse({ description: 'A CockpitDto (`@lianzhang/contracts`)' })
  async summary(
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    // The JSON of a CockpitDto, serialised once per judged cockpit (the service memoises it).
    response.type('application/json');
    return this.cockpit.summaryJson(user);
  }
}
