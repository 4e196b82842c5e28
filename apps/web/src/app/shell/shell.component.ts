import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import type { Language } from '@lianzhang/contracts';
import { ROLE_LABELS, type Role } from '@lianzhang/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { NzSegmentedModule } from 'ng-zorro-antd/segmented';
import { FormsModule } from '@angular/forms';
import { SessionStore } from '../auth/session.store';
import { LanguageService } from '../i18n/language.service';
import { NotificationsStore } from '../notifications/notifications.store';

interface NavItem {
  readonly path: string;
  readonly icon: string;
  readonly label: string;
}

/** The frame of every page: navigation, title bar, language switch. */
@Component({
  selector: 'lz-shell',
  imports: [
    FormsModule,
    NzBadgeModule,
    NzIconModule,
    NzLayoutModule,
    NzMenuModule,
    NzSegmentedModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    TranslocoPipe,
  ],
  templateUrl: './shell.component.html',
  styleUrl: './shell.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShellComponent {
  protected readonly languages = inject(LanguageService);
  protected readonly session = inject(SessionStore);
  protected readonly collapsed = signal(false);
  protected readonly languageOptions = [
    { label: '中文', value: 'zh-CN' },
    { label: 'EN', value: 'en' },
  ];
  protected readonly notifications = inject(NotificationsStore);
  protected readonly nav: readonly NavItem[] = [
    { path: '/', icon: 'home', label: 'nav.home' },
    { path: '/tasks', icon: 'profile', label: 'nav.tasks' },
    { path: '/notifications', icon: 'bell', label: 'nav.notifications' },
  ];

  /** Role names come from the domain in both languages, as the api's do. */
  protected roleLabel(role: Role): string {
    return ROLE_LABELS[role][this.languages.language()];
  }

  protected switchLanguage(value: string | number): void {
    void this.languages.use(value as Language);
  }
}
