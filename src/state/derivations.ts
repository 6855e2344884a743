// Every derived result, in dependency order: a result is only wanted once the results it is
// computed from are current, so walking this list in order queues work in a valid order.

import type { Derivation } from './derivation';
import { filtered, findings, placeShapes, regionData, selection } from './map-derivations';
import { REVIEW_DERIVATIONS } from './review';
import { WARNING_DERIVATIONS } from './warnings';
import { supply } from './supply';
import { WORKBENCH_DERIVATIONS } from './workbench';
import { TIMELINE_DERIVATIONS } from './timeline';
import { SITING_DERIVATIONS } from './siting';

// `any`: each entry has its own result type; the runtime only passes a result from an entry's
// run() back to the same entry's apply().
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const DERIVATIONS: readonly Derivation<any>[] = [
  placeShapes,
  regionData,
  findings,
  filtered,
  selection,
  ...WORKBENCH_DERIVATIONS,
  ...WARNING_DERIVATIONS,
  supply,
  ...REVIEW_DERIVATIONS,
  ...TIMELINE_DERIVATIONS,
  ...SITING_DERIVATIONS,
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function derivationNamed(name: string): Derivation<any> {
  const d = DERIVATIONS.find((x) => x.name === name);
  if (!d) throw new Error(`unknown derivation ${name}`);
  return d;
}
