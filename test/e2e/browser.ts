/**
 * The browser of the e2e suite: Debian's `chromium` (or JIXIAO_CHROMIUM), driven by playwright-core, which
 * downloads nothing. A fresh profile for each launch, and the flags that keep Chromium from calling out to the
 * network (this machine's network refuses it, and a test must not depend on it).
 *
 * Under CI (CI=true) a missing Chromium fails the suite: it must never pass by skipping. Off CI it is skipped
 * with a note.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.JIXIAO_CHROMIUM ?? '/usr/bin/chromium';

const problem = existsSync(CHROMIUM) ? null : `no Chromium at ${CHROMIUM} (apt-get install chromium, or set JIXIAO_CHROMIUM)`;
if (problem && process.env.CI) throw new Error(`Expected Chromium under CI, got ${problem}`);
if (problem) console.warn(`Browser suite skipped: ${problem}`);

/** Whether the suite runs. */
export const HAVE_CHROMIUM = problem === null;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A headless Chromium with a fresh profile (playwright passes it as --user-data-dir); `close` removes the profile. */
export async function launchChromium(viewport = { width: 1400, height: 1000 }): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'jixiao-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
