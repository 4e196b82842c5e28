import { HttpClient, HttpParams, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ChainHealthDto,
  IndicatorsDto,
  InsightsHealthDto,
  Page,
  RiskDto,
  RiskExportQuery,
  RiskListQuery,
  SetActualRequest,
} from '@lianzhang/contracts';
import { firstValueFrom } from 'rxjs';

type Query = Readonly<Record<string, string | number | null | undefined>>;

function params(query: Query): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') result = result.set(key, value);
  }
  return result;
}

/** The file name a download announces (RFC 5987 `filename*` first), or a fallback. */
export function downloadName(disposition: string | null, fallback: string): string {
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (utf8?.[1]) return decodeURIComponent(utf8[1]);
  const plain = /filename="([^"]+)"/i.exec(disposition ?? '');
  return plain?.[1] ?? fallback;
}

/** Typed access to the insights endpoints: health, risks, the plan's indicators. */
@Injectable({ providedIn: 'root' })
export class InsightsClient {
  private readonly http = inject(HttpClient);

  health(): Promise<InsightsHealthDto> {
    return firstValueFrom(this.http.get<InsightsHealthDto>('/api/insights/health'));
  }

  chainHealth(chainId: string): Promise<ChainHealthDto> {
    return firstValueFrom(this.http.get<ChainHealthDto>(`/api/chains/${chainId}/health`));
  }

  risks(query: Partial<RiskListQuery>): Promise<Page<RiskDto>> {
    return firstValueFrom(
      this.http.get<Page<RiskDto>>('/api/insights/risks', { params: params(query) }),
    );
  }

  /** The .xlsx of the risk list with these filters, and the name the api gives it. */
  async exportRisks(query: RiskExportQuery): Promise<{ blob: Blob; fileName: string }> {
    const response: HttpResponse<Blob> = await firstValueFrom(
      this.http.get('/api/insights/risks/export', {
        params: params(query),
        responseType: 'blob',
        observe: 'response',
      }),
    );
    return {
      blob: response.body ?? new Blob(),
      fileName: downloadName(response.headers.get('Content-Disposition'), 'risks.xlsx'),
    };
  }

  indicators(): Promise<IndicatorsDto> {
    return firstValueFrom(this.http.get<IndicatorsDto>('/api/indicators'));
  }

  setIndicatorActual(code: string, year: number, request: SetActualRequest): Promise<void> {
    return firstValueFrom(
      this.http.put<void>(`/api/indicators/${encodeURIComponent(code)}/actuals/${year}`, request),
    );
  }

  removeIndicatorActual(code: string, year: number): Promise<void> {
    return firstValueFrom(
      this.http.delete<void>(`/api/indicators/${encodeURIComponent(code)}/actuals/${year}`),
    );
  }

  setChainActual(chainId: string, year: number, request: SetActualRequest): Promise<void> {
    return firstValueFrom(
      this.http.put<void>(`/api/chains/${chainId}/output-actuals/${year}`, request),
    );
  }

  removeChainActual(chainId: string, year: number): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/chains/${chainId}/output-actuals/${year}`));
  }
}
