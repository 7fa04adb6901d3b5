/**
 * The default comparison context: the lexicon cache built by `npm run build` and the committed
 * paraphrase model. Loaded once per process, on first use.
 */
import type { BoostedModel } from '../similarity/boosting.js';
import model from '../similarity/paraphrase-model.json' with { type: 'json' };
import { loadLexicon } from '../text/lexicon/load.js';
import type { CompareContext } from './compare.js';

let cached: CompareContext | undefined;

export function defaultContext(): CompareContext {
  cached ??= { lexicon: loadLexicon(), model: model as BoostedModel };
  return cached;
}
