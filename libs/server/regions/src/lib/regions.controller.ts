import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPaths, type RegionDto } from '@lianzhang/contracts';
import { Public } from '@lianzhang/server/core';
import { RegionsService } from './regions.service';

@ApiTags('regions')
/** Public reference data: the GB/T 2260 codes of the province and its cities. */
@Public()
@Controller(ApiPaths.regions)
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  @Get()
  @ApiOperation({ summary: 'The province and its cities (GB/T 2260)' })
  list(): Promise<RegionDto[]> {
    return this.regions.list();
  }
}
