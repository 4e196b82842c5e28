/** Administrative level of a region, as in GB/T 2260. */
export const REGION_LEVELS = ['province', 'city', 'county'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** A region of the GB/T 2260 code table: six digits, province-city-county pairs. */
export interface Region {
  /** GB/T 2260 code, e.g. "370100" for 济南. */
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly level: RegionLevel;
  /** Code of the enclosing region; null for a province. */
  readonly parentCode: string | null;
}

const REGION_CODE = /^\d{6}$/;

/** Level implied by a GB/T 2260 code: "xx0000" province, "xxyy00" city, otherwise county. */
export function regionLevelOf(code: string): RegionLevel {
  if (!REGION_CODE.test(code)) {
    throw new RangeError(`not a GB/T 2260 region code: ${JSON.stringify(code)}`);
  }
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return 'county';
}

/** Code of the region that encloses `code`, or null for a province. */
export function parentRegionCode(code: string): string | null {
  switch (regionLevelOf(code)) {
    case 'province':
      return null;
    case 'city':
      return `${code.slice(0, 2)}0000`;
    case 'county':
      return `${code.slice(0, 4)}00`;
  }
}
