import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import {
  createPeriodicReportSchema,
  periodicReportListQuerySchema,
  type CreatePeriodicReportRequest,
  type Page,
  type PeriodicReportDto,
  type PeriodicReportListQuery,
  type PeriodicReportOptionsDto,
} from '@lianzhang/contracts';
import {
  Authenticated,
  CurrentUser,
  uuidParam,
  ZodValidationPipe,
  type AuthenticatedUser,
} from '@lianzhang/server/core';
import { attachmentDisposition, XLSX_MIME } from '@lianzhang/server/excel';
import type { Response } from 'express';
import { PeriodicReportsService } from './periodic-reports.service';

/**
 * 定期报告: weekly and monthly Excel reports of the province and of each chain. Under
 * `/api/periodic-reports`, as `/api/reports` names the progress reports of tasks.
 */
@ApiTags('periodic reports')
@Controller('periodic-reports')
export class PeriodicReportsController {
  constructor(private readonly reports: PeriodicReportsService) {}

  @Authenticated('periodic_report:read')
  @Get()
  @ApiOperation({
    summary:
      'Weekly and monthly reports the caller may see, newest first: every one for the province roles, those of their chains for the chain side',
  })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query(new ZodValidationPipe(periodicReportListQuerySchema)) query: PeriodicReportListQuery,
  ): Promise<Page<PeriodicReportDto>> {
    return this.reports.list(user, query);
  }

  @Authenticated('periodic_report:read')
  @Get('options')
  @ApiOperation({ summary: 'What the caller may ask a report of: the province, and which chains' })
  options(@CurrentUser() user: AuthenticatedUser): Promise<PeriodicReportOptionsDto> {
    return this.reports.options(user);
  }

  @Authenticated('periodic_report:read')
  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Generate a report now (202; a worker builds it): the province (province roles) or a chain in scope, for a week or a month',
  })
  request(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodValidationPipe(createPeriodicReportSchema)) request: CreatePeriodicReportRequest,
  ): Promise<PeriodicReportDto> {
    return this.reports.request(user, request);
  }

  @Authenticated('periodic_report:read')
  @Get(':id')
  get(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
  ): Promise<PeriodicReportDto> {
    return this.reports.get(user, id);
  }

  @Authenticated('periodic_report:read')
  @Get(':id/download')
  @ApiProduces(XLSX_MIME)
  @ApiOperation({ summary: 'The .xlsx of a ready report (404 until it is ready)' })
  async download(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', uuidParam()) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.reports.download(user, id);
    response.setHeader('Content-Type', XLSX_MIME);
    response.setHeader(
      'Content-Disposition',
      attachmentDisposition(file.fileName, file.asciiFileName),
    );
    response.setHeader('Content-Length', String(file.content.length));
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'private, no-store');
    response.end(file.content);
  }
}
