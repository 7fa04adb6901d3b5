export {
  compareFacts,
  countSharedFacts,
  type FactComparison,
  meaningChanges,
  sameMeasureInOtherUnits,
} from './compare.js';
export { extractFacts, type Fact, type FactKind, type FactOptions } from './extract.js';
