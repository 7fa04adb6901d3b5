export { extractHtml } from './extract.js';
export { siteOfHtml } from './metadata.js';
