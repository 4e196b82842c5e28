import { DOCUMENT } from '@angular/common';
import { ExportOutline } from '@ant-design/icons-angular/icons';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTabsModule } from 'ng-zorro-antd/tabs';
import { apiError } from '../../forms/field-errors';
import { AdminClient } from '../admin.client';
import { AllowHostsComponent } from './allow-hosts.component';
import { DeadLettersComponent } from './dead-letters.component';
import { EndpointsComponent } from './endpoints.component';

/** Where the api serves Bull Board (its own cookie, set by the session call, opens it). */
export const QUEUE_BOARD_URL = '/api/admin/queues';

/**
 * 消息推送: the robots and webhooks escalations go out through, the hosts allowed past
 * the SSRF guard, the dead letter, and a door to the queue board.
 */
@Component({
  selector: 'lz-delivery',
  imports: [
    AllowHostsComponent,
    DeadLettersComponent,
    EndpointsComponent,
    NzButtonModule,
    NzCardModule,
    NzIconModule,
    NzTabsModule,
    TranslocoPipe,
  ],
  template: `
    <nz-card [nzTitle]="'admin.delivery.title' | transloco" [nzExtra]="board">
      <ng-template #board>
        <button nz-button [nzLoading]="opening()" (click)="openBoard()" data-testid="queue-board">
          <nz-icon nzType="export" /><span>{{ 'admin.delivery.queueBoard' | transloco }}</span>
        </button>
      </ng-template>
      <nz-tabs>
        <nz-tab [nzTitle]="'admin.delivery.endpoints' | transloco">
          <ng-template nz-tab><lz-delivery-endpoints /></ng-template>
        </nz-tab>
        <nz-tab [nzTitle]="'admin.delivery.allowHosts' | transloco">
          <ng-template nz-tab><lz-allow-hosts /></ng-template>
        </nz-tab>
        <nz-tab [nzTitle]="'admin.delivery.deadLetters' | transloco">
          <ng-template nz-tab><lz-dead-letters /></ng-template>
        </nz-tab>
      </nz-tabs>
    </nz-card>
  `,
  styles: `
    nz-icon {
      margin-right: 4px;
    }
  `,
  providers: [provideNzIconsPatch([ExportOutline])],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeliveryComponent {
  private readonly client = inject(AdminClient);
  private readonly message = inject(NzMessageService);
  private readonly transloco = inject(TranslocoService);
  private readonly window = inject(DOCUMENT).defaultView;
  protected readonly opening = signal(false);

  /**
   * The board is opened by navigation, which cannot carry the bearer token: the session
   * call first puts it in the board's cookie. The tab is opened at the click (a tab
   * opened after an await would be blocked) and sent to the board once the cookie is set.
   */
  async openBoard(): Promise<void> {
    const tab = this.window?.open('', '_blank') ?? null;
    this.opening.set(true);
    try {
      await this.client.openQueueBoardSession();
      if (tab) {
        tab.opener = null;
        tab.location.href = QUEUE_BOARD_URL;
      } else {
        this.window?.open(QUEUE_BOARD_URL, '_blank', 'noopener');
      }
    } catch (error) {
      tab?.close();
      this.message.error(apiError(error)?.message || this.transloco.translate('state.error'));
    } finally {
      this.opening.set(false);
    }
  }
}
