import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { API_PREFIX, ApiPaths, type HealthResponse, type RegionDto } from '@lianzhang/contracts';
import { catchError, of, type Observable } from 'rxjs';

/** Typed access to the system endpoints of the api. */
@Injectable({ providedIn: 'root' })
export class SystemClient {
  private readonly http = inject(HttpClient);

  /** Health answers 503 with the same body when a check fails; both are a result here. */
  health(): Observable<HealthResponse> {
    return this.http
      .get<HealthResponse>(`/${API_PREFIX}/${ApiPaths.health}`)
      .pipe(
        catchError((error: { status?: number; error?: HealthResponse }) =>
          error.status === 503 && error.error ? of(error.error) : rethrow(error),
        ),
      );
  }

  regions(): Observable<RegionDto[]> {
    return this.http.get<RegionDto[]>(`/${API_PREFIX}/${ApiPaths.regions}`);
  }
}

function rethrow(error: unknown): Observable<never> {
  throw error;
}
