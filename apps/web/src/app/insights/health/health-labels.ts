import type { Language } from '@lianzhang/contracts';
import {
  CHAIN_COLOUR_LABELS,
  HEALTH_COMPONENT_LABELS,
  HEALTH_OMISSION_LABELS,
  type ChainColour,
  type HealthComponentKey,
  type HealthOmission,
} from '@lianzhang/domain';

/** ng-zorro tag colours of the grades. */
export const GRADE_TAGS: Readonly<Record<ChainColour, string>> = {
  green: 'success',
  yellow: 'warning',
  red: 'error',
};

export const gradeLabel = (grade: ChainColour, language: Language) =>
  CHAIN_COLOUR_LABELS[grade][language];
export const componentLabel = (key: HealthComponentKey, language: Language) =>
  HEALTH_COMPONENT_LABELS[key][language];
export const omissionLabel = (reason: HealthOmission, language: Language) =>
  HEALTH_OMISSION_LABELS[reason][language];
