import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import type { Language } from '@lianzhang/contracts';
import { ROLE_LABELS, type Role } from '@lianzhang/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { FormsModule } from '@angular/forms';
import { SECTION_ROLES } from '../auth/sections';
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
    NzRadioModule,
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
  /** The sections the user's role reaches, in the order they use them. */
  protected readonly nav = computed<readonly NavItem[]>(() => {
    const role = this.session.user()?.role;
    const reaches = (roles: readonly Role[]) => role !== undefined && roles.includes(role);
    return [
      { path: '/', icon: 'home', label: 'nav.home' },
      ...(reaches(SECTION_ROLES.cockpit)
        ? [{ path: '/cockpit', icon: 'dashboard', label: 'nav.cockpit' }]
        : []),
      ...(reaches(SECTION_ROLES.chains)
        ? [{ path: '/chains', icon: 'apartment', label: 'nav.chains' }]
        : []),
      ...(reaches(SECTION_ROLES.workspace)
        ? [{ path: '/workspace', icon: 'desktop', label: 'nav.workspace' }]
        : []),
      ...(reaches(SECTION_ROLES.insights)
        ? [{ path: '/insights', icon: 'fund', label: 'nav.insights' }]
        : []),
      { path: '/tasks', icon: 'profile', label: 'nav.tasks' },
      ...(reaches(SECTION_ROLES.challenges)
        ? [{ path: '/challenges', icon: 'trophy', label: 'nav.challenges' }]
        : []),
      ...(reaches(SECTION_ROLES.reports)
        ? [{ path: '/reports', icon: 'file-excel', label: 'nav.reports' }]
        : []),
      ...(reaches(SECTION_ROLES.imports)
        ? [{ path: '/imports', icon: 'cloud-upload', label: 'nav.imports' }]
        : []),
      { path: '/notifications', icon: 'bell', label: 'nav.notifications' },
      ...(reaches(SECTION_ROLES.admin)
        ? [{ path: '/admin', icon: 'setting', label: 'nav.admin' }]
        : []),
    ];
  });

  /** Role names come from the domain in both languages, as the api's do. */
  protected roleLabel(role: Role): string {
    return ROLE_LABELS[role][this.languages.language()];
  }

  protected switchLanguage(value: string): void {
    void this.session.useLanguage(value as Language);
  }
}
