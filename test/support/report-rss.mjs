// `node --import ./report-rss.mjs app.js`: writes the process's peak resident set size (KiB)
// to FP_RSS_FILE at exit — portable where /usr/bin/time -v is not.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.FP_RSS_FILE) writeFileSync(process.env.FP_RSS_FILE, String(process.resourceUsage().maxRSS));
});
