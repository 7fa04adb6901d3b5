/**
 * Debian's Chromium as the UI tests and the UI bench drive it (playwright-core, no browser
 * download). Background networking, updates and sync are off: this machine's network is closed,
 * and Chromium's own connections would be refused many at a time.
 */
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
