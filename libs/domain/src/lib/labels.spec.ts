import { DAY_KIND_LABELS, DAY_SOURCE_LABELS } from './calendar/workday-calendar';
import { CHAIN_LEVEL_LABELS, RISK_FLAG_LABELS } from './chains/chain';
import { PACE_LABELS } from './chains/work-items';
import {
  DEFAULT_ESCALATION_POLICY,
  DEFAULT_ESCALATION_STEP_KEYS,
  DELIVERY_CHANNEL_LABELS,
  ESCALATION_ANCHOR_LABELS,
  ESCALATION_ANCHOR_PHRASES,
  ESCALATION_AUDIENCE_LABELS,
  ESCALATION_LEVEL_LABELS,
  ESCALATION_STEP_LABELS,
  POLICY_PROBLEM_MESSAGES,
} from './escalation/escalation';
import { REQUEST_CATEGORY_LABELS, REQUEST_STATUS_LABELS } from './tasks/coordination-request';
import { REPORT_STATUS_LABELS, REPORT_SUBJECT_LABELS } from './tasks/progress-report';
import { TASK_EVENT_LABELS, TASK_PRIORITY_LABELS } from './tasks/task';

type Labels = { readonly 'zh-CN': string; readonly en: string };

/** The label maps the web features used to keep for themselves. */
const MAPS: Readonly<Record<string, Readonly<Record<string, Labels>>>> = {
  CHAIN_LEVEL_LABELS,
  RISK_FLAG_LABELS,
  PACE_LABELS,
  DAY_KIND_LABELS,
  DAY_SOURCE_LABELS,
  ESCALATION_LEVEL_LABELS,
  ESCALATION_ANCHOR_LABELS,
  ESCALATION_ANCHOR_PHRASES,
  ESCALATION_AUDIENCE_LABELS,
  DELIVERY_CHANNEL_LABELS,
  ESCALATION_STEP_LABELS,
  POLICY_PROBLEM_MESSAGES,
  TASK_PRIORITY_LABELS,
  TASK_EVENT_LABELS,
  REPORT_STATUS_LABELS,
  REPORT_SUBJECT_LABELS,
  REQUEST_CATEGORY_LABELS,
  REQUEST_STATUS_LABELS,
};

/** Han characters and the full-width punctuation that goes with them (，（）：…). */
const CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

describe('bilingual label maps', () => {
  it.each(Object.entries(MAPS))('%s has both texts, and its English has no Chinese', (_, map) => {
    const entries = Object.entries(map);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.filter(([, labels]) => !labels['zh-CN'].trim()).map(([key]) => key)).toEqual([]);
    expect(entries.filter(([, labels]) => !labels.en.trim()).map(([key]) => key)).toEqual([]);
    expect(entries.filter(([, labels]) => CHINESE.test(labels.en)).map(([key]) => key)).toEqual([]);
  });

  it('names every step of the default escalation ladder', () => {
    expect(DEFAULT_ESCALATION_POLICY.steps.map((s) => s.key)).toEqual([
      ...DEFAULT_ESCALATION_STEP_KEYS,
    ]);
    expect(Object.keys(ESCALATION_STEP_LABELS).sort()).toEqual(
      [...DEFAULT_ESCALATION_STEP_KEYS].sort(),
    );
  });
});
