import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  actualYearParamsSchema,
  negotiateLanguage,
  riskExportQuerySchema,
  riskListQuerySchema,
  setActualSchema,
  type ChainHealthDto,
  type IndicatorsDto,
  type InsightsHealthDto,
  type Page,
  type RiskDto,
  type RiskExportQuery,
  type RiskListQuery,
  type SetActualRequest,
} from '@lianzhang/contracts';
import {
  Authenticated,
  CurrentUser,
  ZodValidationPipe,
  type AuthenticatedUser,
  uuidParam,
} from '@lianzhang/server/core';
import { attachmentDisposition, XLSX_MIME } from '@lianzhang/server/excel';
import type { Response } from 'express';
import { HealthService } from './health.service';
import { IndicatorsService } from './indicators.service';
import { riskExportFileName, riskWorkbook } from './risks.export';
import { RisksService } from './risks.service';

const yearParams = () => new ZodValidationPipe(actualYearParamsSchema);

@ApiTags('insights')
@Controller('insights')
export class InsightsController {
  constructor(
    private readonly health: HealthService,
    private readonly risks: RisksService,
  ) {}

  @Authenticated('insight:read')
  @Get('health')
  @ApiOperation({
    summary:
      'Every chain in the caller’s scope: its live health score, grade and breakdown, and 90 days of daily snapshots',
  })
  chains(@CurrentUser() user: AuthenticatedUser): Promise<InsightsHealthDto> {
    return this.health.list(user);
  }

  @Authenticated('insight:read')
  @Get('risks')
  @ApiOperation({
    summary:
      'Weak map links (single or no local supplier, foreign dependence) and neglected chokepoints (no owner, no report for 30 days), filtered and paged',
  })
  riskList(
    @CurrentUser() user: AuthenticatedUser,
    @Query(new ZodValidationPipe(riskListQuerySchema)) query: RiskListQuery,
  ): Promise<Page<RiskDto>> {
    return this.risks.list(user, query);
  }

  @Authenticated('insight:read')
  @Get('risks/export')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOperation({ summary: 'The risk list with the same filters, as an .xlsx download' })
  async riskExport(
    @CurrentUser() user: AuthenticatedUser,
    @Query(new ZodValidationPipe(riskExportQuerySchema)) query: RiskExportQuery,
    @Headers('accept-language') acceptLanguage: string | undefined,
    @Res() response: Response,
  ): Promise<void> {
    const language = negotiateLanguage(acceptLanguage);
    const { day, rows } = await this.risks.export(user, query);
    const [name, fallback] = riskExportFileName(day, language);
    const body = await riskWorkbook(rows, query, day, language);
    response.setHeader('Content-Type', XLSX_MIME);
    response.setHeader('Content-Disposition', attachmentDisposition(name, fallback));
    response.setHeader('Cache-Control', 'private, no-store');
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.end(body);
  }
}

@ApiTags('insights')
@Controller('chains')
export class ChainInsightsController {
  constructor(
    private readonly health: HealthService,
    private readonly indicators: IndicatorsService,
  ) {}

  @Authenticated('insight:read')
  @Get(':id/health')
  @ApiOperation({ summary: 'One chain’s health score with its breakdown and 90-day trend' })
  chainHealth(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<ChainHealthDto> {
    return this.health.one(user, id);
  }

  @Authenticated('indicator:manage')
  @Put(':id/output-actuals/:year')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Enter a chain’s actual for a year (2021–2030) in its target’s unit, with its source',
  })
  async setOutputActual(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Param(yearParams()) params: { year: number },
    @Body(new ZodValidationPipe(setActualSchema)) request: SetActualRequest,
  ): Promise<void> {
    await this.indicators.setChainActual(user, id, params.year, request);
  }

  @Authenticated('indicator:manage')
  @Delete(':id/output-actuals/:year')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a chain’s actual entered in error' })
  async removeOutputActual(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Param(yearParams()) params: { year: number },
  ): Promise<void> {
    await this.indicators.removeChainActual(user, id, params.year);
  }
}

@ApiTags('insights')
@Controller('indicators')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  @Authenticated('chain:read')
  @Get()
  @ApiOperation({
    summary:
      'The plan’s main indicators and the chains’ 2025 targets (chains in scope), with yearly actuals and progress to target',
  })
  list(@CurrentUser() user: AuthenticatedUser): Promise<IndicatorsDto> {
    return this.indicators.list(user);
  }

  @Authenticated('indicator:manage')
  @Put(':code/actuals/:year')
  @HttpCode(204)
  @ApiOperation({ summary: 'Enter an indicator’s actual for a year (2021–2030), with its source' })
  async setActual(
    @CurrentUser() user: AuthenticatedUser,
    @Param('code') code: string,
    @Param(yearParams()) params: { year: number },
    @Body(new ZodValidationPipe(setActualSchema)) request: SetActualRequest,
  ): Promise<void> {
    await this.indicators.setIndicatorActual(user, code, params.year, request);
  }

  @Authenticated('indicator:manage')
  @Delete(':code/actuals/:year')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an indicator’s actual entered in error' })
  async removeActual(
    @Param('code') code: string,
    @Param(yearParams()) params: { year: number },
  ): Promise<void> {
    await this.indicators.removeIndicatorActual(code, params.year);
  }
}
