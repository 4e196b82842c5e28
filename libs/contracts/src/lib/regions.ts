import type { RegionLevel } from '@lianzhang/domain';

export interface RegionDto {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly level: RegionLevel;
  readonly parentCode: string | null;
}
