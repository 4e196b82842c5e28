import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzCardModule } from 'ng-zorro-antd/card';
import { SessionStore } from '../auth/session.store';
import { RequestsComponent } from './requests.component';
import { WorkItemsComponent } from './work-items.component';
import { WorkspaceTasksComponent } from './workspace-tasks.component';
import { WorkspaceStore } from './workspace.store';

/**
 * 企业工作台: what an enterprise has to do on one page: its tasks (签收, 拒收, steps),
 * the short boards and projects it owns with their progress reports, and its 诉求.
 */
@Component({
  selector: 'lz-workspace',
  imports: [
    NzCardModule,
    RequestsComponent,
    TranslocoPipe,
    WorkItemsComponent,
    WorkspaceTasksComponent,
  ],
  providers: [WorkspaceStore],
  template: `
    <div class="page" data-testid="workspace">
      <header class="header">
        <h2>{{ 'workspace.title' | transloco }}</h2>
        @if (session.user(); as user) {
          <span class="muted" data-testid="workspace-organisation">{{
            user.organisation.name
          }}</span>
        }
      </header>
      <section aria-labelledby="workspace-tasks-title">
        <nz-card [nzTitle]="tasksTitle">
          <lz-workspace-tasks />
        </nz-card>
        <ng-template #tasksTitle>
          <span id="workspace-tasks-title">{{ 'workspace.tasks.title' | transloco }}</span>
        </ng-template>
      </section>
      <section>
        <lz-workspace-work-items />
      </section>
      <section>
        <h3 class="section">{{ 'workspace.requests.title' | transloco }}</h3>
        <lz-workspace-requests />
      </section>
    </div>
  `,
  styles: `
    .page {
      display: flex;
      flex-direction: column;
      gap: 16px;
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 12px;
    }
    .header h2 {
      margin: 0;
      font-size: 20px;
    }
    .muted {
      color: var(--lz-text-secondary);
    }
    .section {
      margin: 0 0 12px;
      font-size: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WorkspaceComponent {
  protected readonly session = inject(SessionStore);
}
