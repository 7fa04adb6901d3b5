export { type Decoded, decodeBytes } from './decode.js';
export { InputError, type InputErrorCode } from './errors.js';
export { pageFiles } from './pages.js';
export { classify, DEFAULT_MAX_BYTES, type Input, type ReadOptions, readInput } from './read.js';
