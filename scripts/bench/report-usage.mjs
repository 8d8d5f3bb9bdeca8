// `node --import ./report-usage.mjs app.js`: writes the process's peak RSS (KiB) and CPU time
// (ms) as JSON to FP_USAGE_FILE at exit. CPU time says what a run costs even on a machine
// shared with other work, where wall time mostly measures the queue for a core.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (!process.env.FP_USAGE_FILE) return;
  const usage = process.resourceUsage();
  writeFileSync(process.env.FP_USAGE_FILE, JSON.stringify({ rssKiB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 }));
});
