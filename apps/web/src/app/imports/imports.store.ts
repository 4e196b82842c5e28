import { Injectable, computed, inject, signal } from '@angular/core';
import {
  IMPORT_LIMITS,
  parseImportErrorPath,
  type ImportKind,
  type ImportResultDto,
} from '@lianzhang/contracts';
import { apiError, httpStatus } from '../forms/field-errors';
import { ImportsClient } from './imports.client';

/** One problem of an upload: its row and column in Excel, or the file as a whole (null). */
export interface ImportProblem {
  readonly row: number | null;
  /** A column's key, or the header text of a column the template does not know. */
  readonly column: string | null;
  /** In the language the api answered in (the interface's). */
  readonly message: string;
}

/** Why a file was refused before any row was looked at. */
export type RefusalReason = 'type' | 'size' | 'file' | 'forbidden' | 'unavailable';

export type ImportState =
  | { readonly step: 'idle' }
  | { readonly step: 'checking'; readonly file: File }
  | {
      readonly step: 'invalid';
      readonly file: File;
      readonly problems: readonly ImportProblem[];
    }
  | {
      readonly step: 'refused';
      readonly file: File;
      readonly reason: RefusalReason;
      readonly message: string | null;
    }
  | { readonly step: 'valid'; readonly file: File; readonly result: ImportResultDto }
  | { readonly step: 'importing'; readonly file: File; readonly result: ImportResultDto }
  | { readonly step: 'done'; readonly file: File; readonly result: ImportResultDto };

/**
 * One import at a time: the kind chosen, the file, its dry run (problems by row and
 * column, or the rows that would be imported), then the commit. The file is checked for
 * type and size here first, so a wrong file never travels; the api checks everything again.
 */
@Injectable()
export class ImportsStore {
  private readonly client = inject(ImportsClient);

  readonly kind = signal<ImportKind>('tasks');
  readonly state = signal<ImportState>({ step: 'idle' });

  readonly problems = computed<readonly ImportProblem[]>(() => {
    const state = this.state();
    return state.step === 'invalid' ? state.problems : [];
  });
  /** Problems of cells (not the line that counts those left out). */
  readonly problemCount = computed(() => this.problems().filter((p) => p.row !== null).length);
  readonly busy = computed(() => ['checking', 'importing'].includes(this.state().step));

  choose(kind: ImportKind): void {
    if (this.busy()) return;
    this.kind.set(kind);
    this.state.set({ step: 'idle' });
  }

  reset(): void {
    if (!this.busy()) this.state.set({ step: 'idle' });
  }

  template(): Promise<Blob> {
    return this.client.template(this.kind());
  }

  /** Checks the file's type and size here, then asks the api to validate every row. */
  async check(file: File): Promise<void> {
    if (!/\.xlsx$/i.test(file.name)) {
      this.state.set({ step: 'refused', file, reason: 'type', message: null });
      return;
    }
    if (file.size > IMPORT_LIMITS.maxBytes) {
      this.state.set({ step: 'refused', file, reason: 'size', message: null });
      return;
    }
    const kind = this.kind();
    this.state.set({ step: 'checking', file });
    try {
      const result = await this.client.validate(kind, file);
      if (this.kind() === kind) this.state.set({ step: 'valid', file, result });
    } catch (error) {
      if (this.kind() === kind) this.state.set(failure(file, error));
    }
  }

  /** Imports the file that passed its dry run: all rows in one transaction, or none. */
  async commit(): Promise<void> {
    const state = this.state();
    if (state.step !== 'valid') return;
    this.state.set({ step: 'importing', file: state.file, result: state.result });
    try {
      const result = await this.client.commit(this.kind(), state.file);
      this.state.set({ step: 'done', file: state.file, result });
    } catch (error) {
      // Someone changed the data meanwhile: the new problems, or why the file was refused.
      this.state.set(failure(state.file, error));
    }
  }
}

function failure(file: File, error: unknown): ImportState {
  const status = httpStatus(error);
  const body = apiError(error);
  if (status === 413) return { step: 'refused', file, reason: 'size', message: null };
  if (status === 403)
    return { step: 'refused', file, reason: 'forbidden', message: body?.message ?? null };
  if (status === 400 && body) {
    const problems = body.details.map((detail) => ({
      ...parseImportErrorPath(detail.path),
      message: detail.message,
    }));
    if (problems.some((p) => p.row !== null)) return { step: 'invalid', file, problems };
    return { step: 'refused', file, reason: 'file', message: problems[0]?.message ?? body.message };
  }
  if (status === 409 && body) {
    return {
      step: 'refused',
      file,
      reason: 'file',
      message: body.details[0]?.message ?? body.message,
    };
  }
  return { step: 'refused', file, reason: 'unavailable', message: null };
}
