import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { EscalationPolicyDto, PutEscalationPolicyRequest } from '@lianzhang/contracts';
import { firstValueFrom } from 'rxjs';

/** The province's default ladder and each chain's own (GET/PUT/DELETE). */
@Injectable({ providedIn: 'root' })
export class PolicyClient {
  private readonly http = inject(HttpClient);

  province(): Promise<EscalationPolicyDto> {
    return firstValueFrom(this.http.get<EscalationPolicyDto>('/api/escalation-policy'));
  }

  setProvince(request: PutEscalationPolicyRequest): Promise<EscalationPolicyDto> {
    return firstValueFrom(this.http.put<EscalationPolicyDto>('/api/escalation-policy', request));
  }

  chain(chainId: string): Promise<EscalationPolicyDto> {
    return firstValueFrom(
      this.http.get<EscalationPolicyDto>(`/api/chains/${chainId}/escalation-policy`),
    );
  }

  setChain(chainId: string, request: PutEscalationPolicyRequest): Promise<EscalationPolicyDto> {
    return firstValueFrom(
      this.http.put<EscalationPolicyDto>(`/api/chains/${chainId}/escalation-policy`, request),
    );
  }

  resetChain(chainId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/chains/${chainId}/escalation-policy`));
  }
}
