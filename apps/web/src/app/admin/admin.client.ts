import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AuditEntryDto,
  CalendarDayDto,
  ChainDto,
  CreateDeliveryEndpointRequest,
  CreateOrganisationRequest,
  CreateUserRequest,
  DeliveryDto,
  DeliveryEndpointDto,
  ImportCalendarYearRequest,
  OrganisationDto,
  OutboundAllowHostDto,
  OutboundAllowHostRequest,
  Page,
  RegionDto,
  SetCalendarOverrideRequest,
  UpdateDeliveryEndpointRequest,
  UpdateOrganisationRequest,
  UpdateUserRequest,
  UserDto,
  UserListQuery,
} from '@lianzhang/contracts';
import type { OrganisationKind } from '@lianzhang/domain';
import { firstValueFrom, type Observable } from 'rxjs';

export interface OrganisationQuery {
  readonly page?: number;
  readonly pageSize?: number;
  readonly kind?: OrganisationKind | null;
  readonly regionCode?: string | null;
  readonly q?: string | null;
}

export interface AuditQuery {
  readonly page: number;
  readonly pageSize: number;
  readonly actorId?: string | null;
  readonly action?: string | null;
  readonly subjectType?: string | null;
  readonly subjectId?: string | null;
  readonly from?: string | null;
  readonly to?: string | null;
}

/** Query parameters without the empty ones (the api refuses unknown or blank filters). */
function params(query: object): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    result = result.set(key, String(value));
  }
  return result;
}

/** The province administration's calls, typed with the shared contracts. */
@Injectable({ providedIn: 'root' })
export class AdminClient {
  private readonly http = inject(HttpClient);

  private get<T>(url: string, query?: object): Promise<T> {
    return firstValueFrom(this.http.get<T>(url, query ? { params: params(query) } : {}));
  }

  private send<T>(request: Observable<T>): Promise<T> {
    return firstValueFrom(request);
  }

  // Users
  /** A page of users; the api filters and counts them. */
  users(query: Partial<UserListQuery> = {}): Promise<Page<UserDto>> {
    return this.get<Page<UserDto>>('/api/users', query);
  }
  createUser(request: CreateUserRequest): Promise<UserDto> {
    return this.send(this.http.post<UserDto>('/api/users', request));
  }
  updateUser(id: string, request: UpdateUserRequest): Promise<UserDto> {
    return this.send(this.http.patch<UserDto>(`/api/users/${id}`, request));
  }
  resetPassword(id: string, password: string): Promise<void> {
    return this.send(this.http.post<void>(`/api/users/${id}/password`, { password }));
  }

  // Organisations and regions
  organisations(query: OrganisationQuery): Promise<Page<OrganisationDto>> {
    return this.get<Page<OrganisationDto>>('/api/organisations', query);
  }
  organisation(id: string): Promise<OrganisationDto> {
    return this.get<OrganisationDto>(`/api/organisations/${id}`);
  }
  createOrganisation(request: CreateOrganisationRequest): Promise<OrganisationDto> {
    return this.send(this.http.post<OrganisationDto>('/api/organisations', request));
  }
  updateOrganisation(id: string, request: UpdateOrganisationRequest): Promise<OrganisationDto> {
    return this.send(this.http.patch<OrganisationDto>(`/api/organisations/${id}`, request));
  }
  regions(): Promise<RegionDto[]> {
    return this.get<RegionDto[]>('/api/regions');
  }
  chains(q: string | null): Promise<Page<ChainDto>> {
    return this.get<Page<ChainDto>>('/api/chains', { pageSize: 100, q });
  }

  // Workday calendar
  calendarDays(from: string, to: string): Promise<CalendarDayDto[]> {
    return this.get<CalendarDayDto[]>('/api/calendar/days', { from, to });
  }
  setOverride(date: string, request: SetCalendarOverrideRequest): Promise<CalendarDayDto> {
    return this.send(this.http.put<CalendarDayDto>(`/api/calendar/overrides/${date}`, request));
  }
  removeOverride(date: string): Promise<void> {
    return this.send(this.http.delete<void>(`/api/calendar/overrides/${date}`));
  }
  importYear(
    year: number,
    request: ImportCalendarYearRequest,
  ): Promise<{ holidays: number; workdays: number }> {
    return this.send(
      this.http.post<{ holidays: number; workdays: number }>(
        `/api/calendar/years/${year}`,
        request,
      ),
    );
  }

  // Delivery
  endpoints(): Promise<DeliveryEndpointDto[]> {
    return this.get<DeliveryEndpointDto[]>('/api/admin/delivery-endpoints');
  }
  createEndpoint(request: CreateDeliveryEndpointRequest): Promise<DeliveryEndpointDto> {
    return this.send(this.http.post<DeliveryEndpointDto>('/api/admin/delivery-endpoints', request));
  }
  updateEndpoint(id: string, request: UpdateDeliveryEndpointRequest): Promise<DeliveryEndpointDto> {
    return this.send(
      this.http.patch<DeliveryEndpointDto>(`/api/admin/delivery-endpoints/${id}`, request),
    );
  }
  removeEndpoint(id: string): Promise<void> {
    return this.send(this.http.delete<void>(`/api/admin/delivery-endpoints/${id}`));
  }
  allowHosts(): Promise<OutboundAllowHostDto[]> {
    return this.get<OutboundAllowHostDto[]>('/api/admin/outbound-allow-hosts');
  }
  allowHost(request: OutboundAllowHostRequest): Promise<OutboundAllowHostDto[]> {
    return this.send(
      this.http.post<OutboundAllowHostDto[]>('/api/admin/outbound-allow-hosts', request),
    );
  }
  disallowHost(host: string): Promise<void> {
    return this.send(
      this.http.delete<void>(`/api/admin/outbound-allow-hosts/${encodeURIComponent(host)}`),
    );
  }
  deadLetters(page: number, pageSize: number): Promise<Page<DeliveryDto>> {
    return this.get<Page<DeliveryDto>>('/api/admin/deliveries', {
      status: 'dead',
      page,
      pageSize,
    });
  }
  retry(id: string): Promise<{ status: 'pending' }> {
    return this.send(
      this.http.post<{ status: 'pending' }>(`/api/admin/deliveries/${id}/retry`, null),
    );
  }
  /** Puts the caller's token in the board's own cookie; then the board opens in a tab. */
  openQueueBoardSession(): Promise<void> {
    return this.send(this.http.post<void>('/api/admin/queue-board/session', null));
  }

  // Audit
  audit(query: AuditQuery): Promise<Page<AuditEntryDto>> {
    return this.get<Page<AuditEntryDto>>('/api/audit', query);
  }
}
