export { extractHtml } from './extract.js';
