import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ImportKind, ImportResultDto } from '@lianzhang/contracts';
import { firstValueFrom } from 'rxjs';

/** Typed access to the import endpoints. */
@Injectable({ providedIn: 'root' })
export class ImportsClient {
  private readonly http = inject(HttpClient);

  /** The kind's template; through HttpClient because the download needs the bearer token. */
  template(kind: ImportKind): Promise<Blob> {
    return firstValueFrom(this.http.get(`/api/imports/${kind}/template`, { responseType: 'blob' }));
  }

  /** Validates the file without writing anything (`?dryRun=true`). */
  validate(kind: ImportKind, file: File): Promise<ImportResultDto> {
    return this.upload(kind, file, true);
  }

  /** Validates and writes the whole file, or nothing. */
  commit(kind: ImportKind, file: File): Promise<ImportResultDto> {
    return this.upload(kind, file, false);
  }

  private upload(kind: ImportKind, file: File, dryRun: boolean): Promise<ImportResultDto> {
    const form = new FormData();
    form.append('file', file, file.name);
    return firstValueFrom(
      this.http.post<ImportResultDto>(`/api/imports/${kind}`, form, {
        params: dryRun ? { dryRun: 'true' } : {},
      }),
    );
  }
}
