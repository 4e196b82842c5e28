import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ChainDto,
  CoordinationRequestDto,
  CreateCoordinationRequest,
  Page,
  ProjectDto,
  ShortBoardDto,
} from '@lianzhang/contracts';
import { firstValueFrom } from 'rxjs';

/**
 * What an enterprise reaches from its workspace. The api has no "my short boards" or "my
 * projects" route: it scopes each chain's lists to the caller's organisation, so the
 * workspace asks every chain the enterprise is a member of.
 */
@Injectable({ providedIn: 'root' })
export class WorkspaceClient {
  private readonly http = inject(HttpClient);

  /** For an enterprise: the chains it is a member of. */
  chains(): Promise<Page<ChainDto>> {
    const params = new HttpParams().set('pageSize', 100);
    return firstValueFrom(this.http.get<Page<ChainDto>>('/api/chains', { params }));
  }

  /** For an enterprise: the chain's short boards it owns. */
  shortBoards(chainId: string): Promise<ShortBoardDto[]> {
    return firstValueFrom(this.http.get<ShortBoardDto[]>(`/api/chains/${chainId}/short-boards`));
  }

  /** For an enterprise: the chain's projects it owns. */
  projects(chainId: string): Promise<ProjectDto[]> {
    return firstValueFrom(this.http.get<ProjectDto[]>(`/api/chains/${chainId}/projects`));
  }

  /** For an enterprise: its own organisation's requests. */
  requests(page: number): Promise<Page<CoordinationRequestDto>> {
    const params = new HttpParams().set('page', page).set('pageSize', 10).set('sort', '-createdAt');
    return firstValueFrom(this.http.get<Page<CoordinationRequestDto>>('/api/requests', { params }));
  }

  raise(request: CreateCoordinationRequest): Promise<CoordinationRequestDto> {
    return firstValueFrom(this.http.post<CoordinationRequestDto>('/api/requests', request));
  }
}
