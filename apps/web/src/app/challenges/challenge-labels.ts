import type { Language } from '@lianzhang/contracts';
import {
  APPLICATION_ACTION_LABELS,
  APPLICATION_STATUS_LABELS,
  CHALLENGE_ACTION_LABELS,
  CHALLENGE_STATUS_LABELS,
  ORGANISATION_KIND_LABELS,
  type ApplicationAction,
  type ApplicationStatus,
  type ChallengeAction,
  type ChallengeStatus,
  type OrganisationKind,
} from '@lianzhang/domain';
import {
  ArrowLeftOutline,
  ClockCircleOutline,
  MinusCircleOutline,
  PlusOutline,
  TrophyOutline,
  WarningFill,
} from '@ant-design/icons-angular/icons';

/**
 * The domain's bilingual labels of challenge values as the pages show them; the maps
 * themselves live in `@lianzhang/domain`, never here and never in the translation files.
 */
export const challengeLabels = {
  status: (status: ChallengeStatus, language: Language) =>
    CHALLENGE_STATUS_LABELS[status][language],
  action: (action: ChallengeAction, language: Language) =>
    CHALLENGE_ACTION_LABELS[action][language],
  applicationStatus: (status: ApplicationStatus, language: Language) =>
    APPLICATION_STATUS_LABELS[status][language],
  applicationAction: (action: ApplicationAction, language: Language) =>
    APPLICATION_ACTION_LABELS[action][language],
  organisationKind: (kind: OrganisationKind, language: Language) =>
    ORGANISATION_KIND_LABELS[kind]?.[language] ?? kind,
};

/** ng-zorro tag colours. */
export const CHALLENGE_STATUS_COLOURS: Readonly<Record<ChallengeStatus, string>> = {
  draft: 'default',
  published: 'blue',
  closed: 'orange',
  selected: 'green',
  cancelled: 'default',
};

export const APPLICATION_STATUS_COLOURS: Readonly<Record<ApplicationStatus, string>> = {
  submitted: 'blue',
  shortlisted: 'gold',
  selected: 'green',
  not_selected: 'default',
  withdrawn: 'default',
};

/** A budget in 万元 as people read it: 1,500 万元; in English CNY 15 m (100 万 = 1 million). */
export function formatWan(value: number | null, language: Language): string {
  if (value === null) return '—';
  if (language === 'en')
    return `CNY ${(value / 100).toLocaleString('en-US', { maximumFractionDigits: 4 })} m`;
  return `${value.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 万元`;
}

/**
 * The icons the challenge pages draw, registered with the section's routes (and by the
 * component tests): an icon nobody registered is fetched over HTTP and fails.
 */
export const CHALLENGES_ICONS = [
  ArrowLeftOutline,
  ClockCircleOutline,
  MinusCircleOutline,
  PlusOutline,
  TrophyOutline,
  WarningFill,
];
