import { ChangeDetectionStrategy, Component } from '@angular/core';
import {
  ApiOutline,
  AuditOutline,
  BankOutline,
  SafetyCertificateOutline,
  TeamOutline,
} from '@ant-design/icons-angular/icons';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { ADMIN_PAGES } from './admin-pages';

/** 省级管理: the section's own menu over its pages. */
@Component({
  selector: 'lz-admin-layout',
  imports: [NzIconModule, NzMenuModule, RouterLink, RouterLinkActive, RouterOutlet, TranslocoPipe],
  template: `
    <div class="admin">
      <h2 class="title">{{ 'admin.title' | transloco }}</h2>
      <ul nz-menu nzMode="horizontal" class="nav" data-testid="admin-nav">
        @for (page of pages; track page.path) {
          <li
            nz-menu-item
            [routerLink]="page.path"
            routerLinkActive
            #active="routerLinkActive"
            [nzSelected]="active.isActive"
            [attr.data-testid]="'admin-nav-' + page.path"
          >
            <nz-icon [nzType]="page.icon" />
            <span>{{ page.label | transloco }}</span>
          </li>
        }
      </ul>
      <div class="page">
        <router-outlet />
      </div>
    </div>
  `,
  styles: `
    .title {
      margin: 0 0 8px;
      font-size: 20px;
    }
    .nav {
      margin-bottom: 16px;
      background: transparent;
    }
    .page {
      min-width: 0;
    }
  `,
  providers: [
    provideNzIconsPatch([
      ApiOutline,
      AuditOutline,
      BankOutline,
      SafetyCertificateOutline,
      TeamOutline,
    ]),
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminLayoutComponent {
  protected readonly pages = ADMIN_PAGES;
}
