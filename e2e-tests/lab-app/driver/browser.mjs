// Debian's Chromium through playwright-core (never a downloaded browser), one fresh profile.
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

export function chromiumPath() {
  const fromEnv = process.env.NBGUARD_CHROMIUM;
  const found = [fromEnv, ...CANDIDATES].find(p => p && existsSync(p));
  if (!found) throw new Error('no Chromium found (apt-get install chromium, or set NBGUARD_CHROMIUM)');
  return found;
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage'
    ]
  });
}
