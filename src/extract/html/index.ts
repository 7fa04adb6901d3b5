export { extractHtml } from './extract.js';
export { siteOfHtml, siteOfUrl } from './metadata.js';
