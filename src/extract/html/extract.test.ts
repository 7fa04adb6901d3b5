import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../source/index.js';
import { extractHtml } from './extract.js';

const sample = join(import.meta.dirname, '..', '..', '..', 'sample');
const read = (file: string) => decodeBytes(readFileSync(join(sample, file))).text;

describe('extractHtml', () => {
  it('keeps the story and its metadata, drops navigation, share bar, related links, comments and footer', () => {
    const page = extractHtml(read('reprint-harbour-bridge.html'));
    expect(page.title).toBe('Port Alder closes Kestrel Bridge after inspectors find cracked cables');
    expect(page.published).toMatch(/^2026-03-04/);
    expect(page.site).toBe('Alder Valley Courier');
    expect(page.text).toContain('The city of Port Alder closed the Kestrel Bridge');
    expect(page.text).toContain('Engineers expect to finish testing the remaining cables within ten days.');
    for (const gone of [
      'Sign up now',
      'Share on Facebook',
      'Related stories',
      'Ferry fares to rise',
      'Leave a comment',
      'All rights reserved',
      'Advertisement',
    ]) {
      expect(page.text, gone).not.toContain(gone);
    }
  });

  it('reads a windows-1252 page declared in <meta charset> and drops the cookie banner', () => {
    const page = extractHtml(read('library-reopens.html'));
    expect(page.text).toContain('café');
    expect(page.text).toContain('We expected to find mould. We found a masterpiece,');
    expect(page.text).not.toContain('cookies');
    expect(page.text).not.toContain('newsletter');
  });

  it('says so when a page has no article', () => {
    const page = extractHtml(
      '<html><body><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav><footer>© 2026</footer></body></html>',
    );
    expect(page.text).toBe('');
    expect(page.noArticle).toBeTruthy();
  });

  it('survives malformed markup', () => {
    const page = extractHtml(
      '<html><body><div class="story"><p>The council met on <b>Tuesday<p>It voted to close the pool for repairs that will take a year.<p>The pool opened in 1968 and has not been renovated since.</div></span></body>',
    );
    expect(page.text).toContain('It voted to close the pool');
    expect(page.text).toContain('opened in 1968');
  });
});
