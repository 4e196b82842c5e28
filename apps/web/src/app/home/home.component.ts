import { ChangeDetectionStrategy, Component, inject, type OnInit } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDescriptionsModule } from 'ng-zorro-antd/descriptions';
import { NzEmptyModule } from 'ng-zorro-antd/empty';
import { NzGridModule } from 'ng-zorro-antd/grid';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { LanguageService } from '../i18n/language.service';
import { HomeStore } from './home.store';

/** Overview: what the platform is, whether it is healthy, and the province it serves. */
@Component({
  selector: 'lz-home',
  imports: [
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzDescriptionsModule,
    NzEmptyModule,
    NzGridModule,
    NzIconModule,
    NzSkeletonModule,
    NzTagModule,
    TranslocoPipe,
  ],
  providers: [HomeStore],
  templateUrl: './home.component.html',
  styleUrl: './home.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HomeComponent implements OnInit {
  protected readonly store = inject(HomeStore);
  protected readonly language = inject(LanguageService).language;

  ngOnInit(): void {
    void this.store.load();
  }
}
