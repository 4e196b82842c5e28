import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Module,
  Param,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  calendarDateParamSchema,
  calendarRangeQuerySchema,
  calendarYearParamSchema,
  importCalendarYearSchema,
  setCalendarOverrideSchema,
  type CalendarDayDto,
  type CalendarRangeQuery,
  type ImportCalendarYearRequest,
  type SetCalendarOverrideRequest,
} from '@lianzhang/contracts';
import { Authenticated, ZodValidationPipe } from '@lianzhang/server/core';
import { CalendarService } from './calendar.service';

@Module({ providers: [CalendarService], exports: [CalendarService] })
export class CalendarModule {}

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Authenticated('me:read')
  @Get('days')
  @ApiOperation({
    summary:
      'Each day of a range: workday, weekend, holiday or make-up workday, and whether provisional',
  })
  days(
    @Query(new ZodValidationPipe(calendarRangeQuerySchema)) query: CalendarRangeQuery,
  ): Promise<CalendarDayDto[]> {
    return this.calendar.days(query.from, query.to);
  }

  @Authenticated('calendar:manage')
  @Put('overrides/:date')
  @ApiOperation({ summary: 'Make a day a holiday or a workday, ahead of the official calendar' })
  set(
    @Param('date', new ZodValidationPipe(calendarDateParamSchema)) date: string,
    @Body(new ZodValidationPipe(setCalendarOverrideSchema)) request: SetCalendarOverrideRequest,
  ): Promise<CalendarDayDto> {
    return this.calendar.setOverride(date, request);
  }

  @Authenticated('calendar:manage')
  @Delete('overrides/:date')
  @HttpCode(204)
  async remove(
    @Param('date', new ZodValidationPipe(calendarDateParamSchema)) date: string,
  ): Promise<void> {
    await this.calendar.removeOverride(date);
  }

  @Authenticated('calendar:manage')
  @Post('years/:year')
  @ApiOperation({
    summary:
      'Enter a year’s State Council notice (holidays and make-up workdays); the year stops being provisional',
  })
  importYear(
    @Param('year', new ZodValidationPipe(calendarYearParamSchema)) year: number,
    @Body(new ZodValidationPipe(importCalendarYearSchema)) request: ImportCalendarYearRequest,
  ): Promise<{ holidays: number; workdays: number }> {
    return this.calendar.importYear(year, request);
  }
}

/** Controllers; imported by apps/api only. */
@Module({ imports: [CalendarModule], controllers: [CalendarController] })
export class CalendarHttpModule {}
