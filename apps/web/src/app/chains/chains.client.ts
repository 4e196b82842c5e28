import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CalendarDayDto,
  ChainDetailDto,
  ChainDto,
  ChainMemberDto,
  ChainNodeDto,
  CoordinationRequestDto,
  CreateProjectRequest,
  CreateShortBoardRequest,
  CreateTaskRequest,
  EscalationPolicyDto,
  HandleCoordinationRequest,
  OrganisationDto,
  Page,
  ProgressReportDto,
  ProjectDto,
  RegionDto,
  ReviewReportRequest,
  ShortBoardDto,
  TaskDto,
  UpdateProjectRequest,
  UpdateShortBoardRequest,
} from '@lianzhang/contracts';
import type { MemberRole } from '@lianzhang/domain';
import type { Observable } from 'rxjs';

/** A file attached to a progress report (the api's AttachmentDto; not in the contracts yet). */
export interface AttachmentDto {
  readonly id: string;
  readonly fileName: string;
  readonly mime: string;
  readonly size: number;
  readonly sha256: string;
  readonly uploadedByUserId: string;
  readonly createdAt: string;
}

type Query = Readonly<Record<string, string | number | boolean | null | undefined>>;

function params(query: Query): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') result = result.set(key, value);
  }
  return result;
}

/** Typed access to the chain endpoints of the api and the ones the workbench leans on. */
@Injectable({ providedIn: 'root' })
export class ChainsClient {
  private readonly http = inject(HttpClient);

  list(query: Query): Observable<Page<ChainDto>> {
    return this.http.get<Page<ChainDto>>('/api/chains', { params: params(query) });
  }

  detail(chainId: string): Observable<ChainDetailDto> {
    return this.http.get<ChainDetailDto>(`/api/chains/${chainId}`);
  }

  members(chainId: string): Observable<ChainMemberDto[]> {
    return this.http.get<ChainMemberDto[]>(`/api/chains/${chainId}/members`);
  }

  setMember(chainId: string, organisationId: string, role: MemberRole): Observable<void> {
    return this.http.put<void>(`/api/chains/${chainId}/members/${organisationId}`, { role });
  }

  removeMember(chainId: string, organisationId: string): Observable<void> {
    return this.http.delete<void>(`/api/chains/${chainId}/members/${organisationId}`);
  }

  map(chainId: string): Observable<ChainNodeDto[]> {
    return this.http.get<ChainNodeDto[]>(`/api/chains/${chainId}/map`);
  }

  shortBoards(chainId: string): Observable<ShortBoardDto[]> {
    return this.http.get<ShortBoardDto[]>(`/api/chains/${chainId}/short-boards`);
  }

  createShortBoard(chainId: string, request: CreateShortBoardRequest): Observable<ShortBoardDto> {
    return this.http.post<ShortBoardDto>(`/api/chains/${chainId}/short-boards`, request);
  }

  updateShortBoard(id: string, request: UpdateShortBoardRequest): Observable<ShortBoardDto> {
    return this.http.patch<ShortBoardDto>(`/api/short-boards/${id}`, request);
  }

  projects(chainId: string): Observable<ProjectDto[]> {
    return this.http.get<ProjectDto[]>(`/api/chains/${chainId}/projects`);
  }

  createProject(chainId: string, request: CreateProjectRequest): Observable<ProjectDto> {
    return this.http.post<ProjectDto>(`/api/chains/${chainId}/projects`, request);
  }

  updateProject(id: string, request: UpdateProjectRequest): Observable<ProjectDto> {
    return this.http.patch<ProjectDto>(`/api/projects/${id}`, request);
  }

  setMilestone(
    projectId: string,
    milestoneId: string,
    actualDate: string | null,
  ): Observable<ProjectDto> {
    return this.http.patch<ProjectDto>(`/api/projects/${projectId}/milestones/${milestoneId}`, {
      actualDate,
    });
  }

  reports(query: Query): Observable<Page<ProgressReportDto>> {
    return this.http.get<Page<ProgressReportDto>>('/api/reports', { params: params(query) });
  }

  reportAttachments(reportId: string): Observable<AttachmentDto[]> {
    return this.http.get<AttachmentDto[]>(`/api/reports/${reportId}/attachments`);
  }

  /** The file itself: fetched with the bearer token, which a plain link could not send. */
  download(attachmentId: string): Observable<Blob> {
    return this.http.get(`/api/attachments/${attachmentId}`, { responseType: 'blob' });
  }

  review(reportId: string, request: ReviewReportRequest): Observable<ProgressReportDto> {
    return this.http.post<ProgressReportDto>(`/api/reports/${reportId}/review`, request);
  }

  tasks(query: Query): Observable<Page<TaskDto>> {
    return this.http.get<Page<TaskDto>>('/api/tasks', { params: params(query) });
  }

  createTask(request: CreateTaskRequest): Observable<TaskDto> {
    return this.http.post<TaskDto>('/api/tasks', request);
  }

  requests(query: Query): Observable<Page<CoordinationRequestDto>> {
    return this.http.get<Page<CoordinationRequestDto>>('/api/requests', {
      params: params(query),
    });
  }

  handleRequest(
    id: string,
    request: HandleCoordinationRequest,
  ): Observable<CoordinationRequestDto> {
    return this.http.post<CoordinationRequestDto>(`/api/requests/${id}/actions`, request);
  }

  policy(chainId: string): Observable<EscalationPolicyDto> {
    return this.http.get<EscalationPolicyDto>(`/api/chains/${chainId}/escalation-policy`);
  }

  calendarDays(from: string, to: string): Observable<CalendarDayDto[]> {
    return this.http.get<CalendarDayDto[]>('/api/calendar/days', { params: params({ from, to }) });
  }

  organisations(query: Query): Observable<Page<OrganisationDto>> {
    return this.http.get<Page<OrganisationDto>>('/api/organisations', { params: params(query) });
  }

  regions(): Observable<RegionDto[]> {
    return this.http.get<RegionDto[]>('/api/regions');
  }
}
