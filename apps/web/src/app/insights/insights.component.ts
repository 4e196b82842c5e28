import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzMenuModule } from 'ng-zorro-antd/menu';

const TABS = [
  { path: 'health', label: 'insights.tabs.health' },
  { path: 'risks', label: 'insights.tabs.risks' },
  { path: 'indicators', label: 'insights.tabs.indicators' },
] as const;

/**
 * 链情分析: chain health with its breakdown and trend, the province's risk list, and the
 * plan's indicators with their yearly actuals. A menu of links, like the chain workbench.
 */
@Component({
  selector: 'lz-insights',
  imports: [RouterLink, RouterLinkActive, RouterOutlet, NzMenuModule, TranslocoPipe],
  template: `
    <div class="page" data-testid="insights">
      <h2>{{ 'insights.title' | transloco }}</h2>
      <nav [attr.aria-label]="'insights.title' | transloco">
        <ul nz-menu nzMode="horizontal" class="tabs" data-testid="insights-tabs">
          @for (tab of tabs; track tab.path) {
            <li
              nz-menu-item
              [routerLink]="['/insights', tab.path]"
              routerLinkActive
              #active="routerLinkActive"
              [nzSelected]="active.isActive"
              [attr.data-testid]="'insights-tab-' + tab.path"
            >
              {{ tab.label | transloco }}
            </li>
          }
        </ul>
      </nav>
      <router-outlet />
    </div>
  `,
  styles: `
    .page {
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    h2 {
      margin: 0;
      font-size: 20px;
    }
    .tabs {
      background: transparent;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InsightsComponent {
  protected readonly tabs = TABS;
}
