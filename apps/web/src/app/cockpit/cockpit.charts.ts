import type { CockpitDto, Language } from '@lianzhang/contracts';
import {
  SHORT_BOARD_STATUS_LABELS,
  SHORT_BOARD_STATUSES,
  type ShortBoardStatus,
} from '@lianzhang/domain';
import type { EChartsCoreOption } from 'echarts/core';

/** Texts the charts need from the page's translations. */
export interface ChartTexts {
  readonly openTasks: string;
  readonly overdueTasks: string;
  readonly created: string;
  readonly done: string;
  readonly notices: string;
  readonly overdue: string;
}

export type HeatMetric = 'openTasks' | 'overdueTasks';

const chainName = (chain: { nameZh: string; nameEn: string }, language: Language) =>
  language === 'en' ? chain.nameEn : chain.nameZh;

/**
 * Chain × city heat map: one row per chain that has open work, one column per city. A
 * cell's data carries the chain id and region code so a click can open the list behind it.
 */
export function heatmapOption(
  cockpit: CockpitDto,
  metric: HeatMetric,
  language: Language,
  texts: ChartTexts,
): EChartsCoreOption {
  const chains = cockpit.chains.filter((c) => c.openTasks > 0);
  const cities = cockpit.heatmap.cities;
  const cells = cockpit.heatmap.cells.filter((cell) => chains.some((c) => c.id === cell.chainId));
  const max = Math.max(1, ...cells.map((cell) => cell[metric]));
  return {
    tooltip: { position: 'top' },
    grid: { left: 150, right: 24, top: 16, bottom: 72 },
    xAxis: {
      type: 'category',
      data: cities.map((c) => (language === 'en' ? c.nameEn : c.nameZh)),
      axisLabel: { rotate: 45, interval: 0 },
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      data: chains.map((c) => chainName(c, language)),
      axisLabel: { width: 140, overflow: 'truncate' },
      splitArea: { show: true },
    },
    visualMap: {
      min: 0,
      max,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: {
        color: metric === 'overdueTasks' ? ['#fff1f0', '#cf1322'] : ['#e6f4ff', '#0958d9'],
      },
    },
    series: [
      {
        name: metric === 'overdueTasks' ? texts.overdueTasks : texts.openTasks,
        type: 'heatmap',
        label: { show: true },
        data: cells
          .filter((cell) => cell[metric] > 0)
          .map((cell) => ({
            value: [
              cities.findIndex((c) => c.code === cell.regionCode),
              chains.findIndex((c) => c.id === cell.chainId),
              cell[metric],
            ],
            chainId: cell.chainId,
            regionCode: cell.regionCode,
          })),
      },
    ],
  };
}

/** Weekly trends: tasks created and done as bars, overdue and 督办单 as lines. */
export function trendOption(cockpit: CockpitDto, texts: ChartTexts): EChartsCoreOption {
  const weeks = cockpit.trends.weeks.map((w) => w.slice(5));
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: weeks },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: texts.created,
        type: 'bar',
        data: cockpit.trends.created,
        itemStyle: { color: '#1677ff' },
      },
      { name: texts.done, type: 'bar', data: cockpit.trends.done, itemStyle: { color: '#52c41a' } },
      {
        name: texts.overdue,
        type: 'line',
        data: cockpit.trends.overdue,
        itemStyle: { color: '#cf1322' },
      },
      {
        name: texts.notices,
        type: 'line',
        data: cockpit.trends.notices,
        itemStyle: { color: '#fa8c16' },
      },
    ],
  };
}

/** Short boards by status, province-wide; a slice's data carries its status for the click. */
export function shortBoardOption(cockpit: CockpitDto, language: Language): EChartsCoreOption {
  const colours: Record<ShortBoardStatus, string> = {
    identified: '#bfbfbf',
    tackling: '#1677ff',
    breakthrough: '#13c2c2',
    resolved: '#52c41a',
    shelved: '#8c8c8c',
  };
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        center: ['50%', '45%'],
        label: { formatter: '{c}' },
        data: SHORT_BOARD_STATUSES.map((status) => ({
          name: SHORT_BOARD_STATUS_LABELS[status][language],
          value: cockpit.totals.shortBoards[status],
          status,
          itemStyle: { color: colours[status] },
        })),
      },
    ],
  };
}
