// Which Chromium the browser tests and the form-latency bench drive, and with which flags. Kept
// apart from harness.mjs, which imports node:test and so cannot be loaded by a bench script.

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--lang=zh-CN', // date inputs and other browser chrome as a Chinese user sees them
];
