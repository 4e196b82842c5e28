import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import {
  IMPORT_KIND_LABELS,
  IMPORT_KIND_PERMISSION,
  IMPORT_KINDS,
  type ImportKind,
} from '@lianzhang/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzUploadModule, type NzUploadFile } from 'ng-zorro-antd/upload';
import { SessionStore } from '../auth/session.store';
import { LanguageService } from '../i18n/language.service';
import { saveBlob } from '../tasks/task.client';
import { ImportProblemsComponent } from './import-problems.component';
import { ImportsStore } from './imports.store';

/**
 * 数据导入: choose a kind, download its template, upload the filled-in file. The file is
 * checked first (a dry run): its problems by row and column, or how many rows would be
 * imported; only then does "Import" write it, all rows or none.
 */
@Component({
  selector: 'lz-imports',
  imports: [
    FormsModule,
    RouterLink,
    ImportProblemsComponent,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzRadioModule,
    NzResultModule,
    NzSpinModule,
    NzUploadModule,
    TranslocoPipe,
  ],
  providers: [ImportsStore],
  templateUrl: './imports.component.html',
  styleUrl: './imports.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportsComponent {
  protected readonly store = inject(ImportsStore);
  private readonly session = inject(SessionStore);
  private readonly languages = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);
  private readonly message = inject(NzMessageService);

  protected readonly labels = IMPORT_KIND_LABELS;
  protected readonly language = this.languages.language;
  protected readonly downloading = signal(false);
  /** The kinds the user may import (organisations are the province's). */
  protected readonly kinds = computed<readonly ImportKind[]>(() =>
    IMPORT_KINDS.filter((kind) => this.session.can(IMPORT_KIND_PERMISSION[kind])),
  );
  protected readonly title = computed(
    () => IMPORT_KIND_LABELS[this.store.kind()].title[this.language()],
  );

  /** nz-upload hands the file over here; returning false keeps it from posting on its own. */
  protected readonly beforeUpload = (file: NzUploadFile): boolean => {
    void this.store.check(file as unknown as File);
    return false;
  };

  protected async download(): Promise<void> {
    const kind = this.store.kind();
    this.downloading.set(true);
    try {
      saveBlob(
        await this.store.template(),
        `${IMPORT_KIND_LABELS[kind].title['zh-CN']}导入模板.xlsx`,
      );
    } catch {
      this.message.error(this.transloco.translate('imports.template.failed'));
    } finally {
      this.downloading.set(false);
    }
  }
}
