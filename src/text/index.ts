export { hashString } from './hash.js';
export { nameKey } from './names.js';
export { type SentenceSpan, splitSentences } from './sentences.js';
export { americanSpelling } from './spelling.js';
export { isStopword } from './stopwords.js';
export {
  normalisePunct,
  stemHash,
  TokenFlag,
  TokenKind,
  type Tokens,
  tokenize,
  wordEntry,
} from './tokens.js';
