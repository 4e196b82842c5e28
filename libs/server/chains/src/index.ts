export * from './lib/chain-scope.service';
export * from './lib/catalogue.entities';
export * from './lib/chain.entities';
export * from './lib/chains.module';
export * from './lib/chains.service';
export * from './lib/work-items.service';
