export * from './lib/chain.entities';
