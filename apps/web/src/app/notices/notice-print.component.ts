import { ChangeDetectionStrategy, Component } from '@angular/core';

/** 督办单 print view (being built in this change). */
@Component({
  selector: 'lz-notice-print',
  template: ``,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NoticePrintComponent {}
