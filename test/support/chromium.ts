/**
 * Debian's Chromium (`apt-get install chromium`) as the browser tests launch it: headless, no
 * sandbox (CI runs as root), and no background traffic, so that every request a test sees is the page's.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS: string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
