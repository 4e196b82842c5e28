import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ApplicationStepRequest,
  ApplyChallengeRequest,
  ChainDto,
  ChallengeApplicationDto,
  ChallengeDetailDto,
  ChallengeDto,
  ChallengeStepRequest,
  CreateChallengeRequest,
  Page,
  SelectApplicationRequest,
  ShortBoardDto,
  UpdateApplicationRequest,
  UpdateChallengeRequest,
} from '@lianzhang/contracts';
import type { ChallengeStatus } from '@lianzhang/domain';
import { firstValueFrom } from 'rxjs';

export interface ChallengeFilter {
  readonly status: ChallengeStatus | null;
  readonly chainId: string | null;
  readonly mine: boolean;
  readonly page: number;
}

export const PAGE_SIZE = 20;

/** The api of 揭榜挂帅, typed with the shared contracts. */
@Injectable({ providedIn: 'root' })
export class ChallengesClient {
  private readonly http = inject(HttpClient);

  list(filter: ChallengeFilter): Promise<Page<ChallengeDto>> {
    let params = new HttpParams()
      .set('page', filter.page)
      .set('pageSize', PAGE_SIZE)
      .set('sort', '-createdAt');
    if (filter.status) params = params.set('status', filter.status);
    if (filter.chainId) params = params.set('chainId', filter.chainId);
    if (filter.mine) params = params.set('mine', 'true');
    return firstValueFrom(this.http.get<Page<ChallengeDto>>('/api/challenges', { params }));
  }

  detail(id: string): Promise<ChallengeDetailDto> {
    return firstValueFrom(this.http.get<ChallengeDetailDto>(`/api/challenges/${id}`));
  }

  create(request: CreateChallengeRequest): Promise<ChallengeDetailDto> {
    return firstValueFrom(this.http.post<ChallengeDetailDto>('/api/challenges', request));
  }

  update(id: string, request: UpdateChallengeRequest): Promise<ChallengeDetailDto> {
    return firstValueFrom(this.http.patch<ChallengeDetailDto>(`/api/challenges/${id}`, request));
  }

  step(
    id: string,
    action: 'publish' | 'close' | 'cancel',
    request: ChallengeStepRequest,
  ): Promise<ChallengeDetailDto> {
    return firstValueFrom(
      this.http.post<ChallengeDetailDto>(`/api/challenges/${id}/${action}`, request),
    );
  }

  applications(id: string): Promise<ChallengeApplicationDto[]> {
    return firstValueFrom(
      this.http.get<ChallengeApplicationDto[]>(`/api/challenges/${id}/applications`),
    );
  }

  apply(id: string, request: ApplyChallengeRequest): Promise<ChallengeApplicationDto> {
    return firstValueFrom(
      this.http.post<ChallengeApplicationDto>(`/api/challenges/${id}/applications`, request),
    );
  }

  updateApplication(
    id: string,
    applicationId: string,
    request: UpdateApplicationRequest,
  ): Promise<ChallengeApplicationDto> {
    return firstValueFrom(
      this.http.patch<ChallengeApplicationDto>(
        `/api/challenges/${id}/applications/${applicationId}`,
        request,
      ),
    );
  }

  decide(
    id: string,
    applicationId: string,
    action: 'withdraw' | 'shortlist',
    version: number,
  ): Promise<ChallengeApplicationDto> {
    return firstValueFrom(
      this.http.post<ChallengeApplicationDto>(
        `/api/challenges/${id}/applications/${applicationId}/${action}`,
        { version } satisfies ApplicationStepRequest,
      ),
    );
  }

  /** 定榜, with the versions of the application and of the challenge as the user read them. */
  select(
    id: string,
    applicationId: string,
    request: SelectApplicationRequest,
  ): Promise<ChallengeApplicationDto> {
    return firstValueFrom(
      this.http.post<ChallengeApplicationDto>(
        `/api/challenges/${id}/applications/${applicationId}/select`,
        request,
      ),
    );
  }

  /** Chains the caller reaches (the chain side: those it manages), for filters and the form. */
  chains(): Promise<Page<ChainDto>> {
    const params = new HttpParams().set('pageSize', 100);
    return firstValueFrom(this.http.get<Page<ChainDto>>('/api/chains', { params }));
  }

  shortBoard(id: string): Promise<ShortBoardDto> {
    return firstValueFrom(this.http.get<ShortBoardDto>(`/api/short-boards/${id}`));
  }

  shortBoards(chainId: string): Promise<ShortBoardDto[]> {
    return firstValueFrom(this.http.get<ShortBoardDto[]>(`/api/chains/${chainId}/short-boards`));
  }
}
