import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  PERIODIC_REPORTS_PATH,
  type CreatePeriodicReportRequest,
  type Page,
  type PeriodicReportDto,
  type PeriodicReportListQuery,
  type PeriodicReportOptionsDto,
} from '@lianzhang/contracts';
import { firstValueFrom } from 'rxjs';

export type ReportListFilters = Partial<Omit<PeriodicReportListQuery, 'page' | 'pageSize'>>;

/** Typed access to the periodic-report endpoints. */
@Injectable({ providedIn: 'root' })
export class ReportsClient {
  private readonly http = inject(HttpClient);

  list(
    page: number,
    pageSize: number,
    filters: ReportListFilters,
  ): Promise<Page<PeriodicReportDto>> {
    let params = new HttpParams().set('page', page).set('pageSize', pageSize);
    for (const [key, value] of Object.entries(filters)) {
      if (value) params = params.set(key, value);
    }
    return firstValueFrom(
      this.http.get<Page<PeriodicReportDto>>(PERIODIC_REPORTS_PATH, { params }),
    );
  }

  options(): Promise<PeriodicReportOptionsDto> {
    return firstValueFrom(
      this.http.get<PeriodicReportOptionsDto>(`${PERIODIC_REPORTS_PATH}/options`),
    );
  }

  request(request: CreatePeriodicReportRequest): Promise<PeriodicReportDto> {
    return firstValueFrom(this.http.post<PeriodicReportDto>(PERIODIC_REPORTS_PATH, request));
  }

  /** The workbook: the download needs the bearer token, so it comes through HttpClient. */
  download(id: string): Promise<Blob> {
    return firstValueFrom(
      this.http.get(`${PERIODIC_REPORTS_PATH}/${id}/download`, { responseType: 'blob' }),
    );
  }
}
