// Preloaded (node --import) into a fresh `briefing` process by the benchmark: its peak RSS, for
// the whole process (worker threads included), on the last stderr line as it exits.
import fs from 'node:fs';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) {
  process.on('exit', (code) => {
    fs.writeSync(2, `\nBENCH ${JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS })}\n`);
  });
}
