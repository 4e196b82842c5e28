import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { ChainPolicyComponent } from '../../policy/chain-policy.component';
import { ChainStore } from '../chain.store';

/** 督办规则: the chain's escalation ladder, shown and edited by the policy feature's own panel. */
@Component({
  selector: 'lz-chain-policy-tab',
  imports: [ChainPolicyComponent],
  template: `
    @if (store.chain(); as detail) {
      <lz-chain-policy [chainId]="detail.id" [canEdit]="store.canEdit()" />
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PolicyTabComponent {
  protected readonly store = inject(ChainStore);
}
