import type { HealthSnapshotDto } from '@lianzhang/contracts';
import { HEALTH_GREEN_FROM, HEALTH_YELLOW_FROM } from '@lianzhang/domain';
import type { EChartsCoreOption } from 'echarts/core';

/**
 * A chain's daily scores as a line, with the grade lines at 60 and 80 marked. Days
 * without a score (nothing to judge) break the line rather than drop to zero.
 */
export function healthTrendOption(
  trend: readonly HealthSnapshotDto[],
  series: string,
): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 24, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: trend.map((point) => point.day.slice(5)) },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [
      {
        name: series,
        type: 'line',
        connectNulls: false,
        data: trend.map((point) => point.score),
        markLine: {
          silent: true,
          symbol: 'none',
          data: [
            { yAxis: HEALTH_GREEN_FROM, lineStyle: { color: '#389e0d', type: 'dashed' } },
            { yAxis: HEALTH_YELLOW_FROM, lineStyle: { color: '#cf1322', type: 'dashed' } },
          ],
        },
      },
    ],
  };
}
