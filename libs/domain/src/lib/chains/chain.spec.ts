import { nodeRiskFlags } from './chain';

describe('chain-map node risk flags', () => {
  it.each([
    [
      { localSuppliers: 0, foreignDependence: null, chokepoint: false },
      { noLocalSupplier: true, singleSource: false, foreignDependent: false, chokepoint: false },
    ],
    [
      { localSuppliers: 1, foreignDependence: 0.2, chokepoint: false },
      { noLocalSupplier: false, singleSource: true, foreignDependent: false, chokepoint: false },
    ],
    [
      { localSuppliers: 2, foreignDependence: 0.5, chokepoint: false },
      { noLocalSupplier: false, singleSource: false, foreignDependent: true, chokepoint: false },
    ],
    [
      { localSuppliers: 5, foreignDependence: 0.49, chokepoint: true },
      { noLocalSupplier: false, singleSource: false, foreignDependent: false, chokepoint: true },
    ],
    [
      { localSuppliers: 0, foreignDependence: 0.9, chokepoint: true },
      { noLocalSupplier: true, singleSource: false, foreignDependent: true, chokepoint: true },
    ],
  ])('%j → %j', (input, flags) => expect(nodeRiskFlags(input)).toEqual(flags));
});
