export { compareFacts, type FactComparison, meaningChanges } from './compare.js';
export { extractFacts, type Fact, type FactKind, type FactOptions } from './extract.js';
