// npm run docs:generate — writes docs/troubleshooting.md from the error codes and their texts.
import { writeFile } from 'node:fs/promises';
import { renderTroubleshooting, undocumentedCodes } from './docs/troubleshooting-doc';

const missing = undocumentedCodes();
if (missing.length > 0) {
  console.error(`No explanation for: ${missing.join(', ')} — add them to the error texts first (src/shared/error-explanations.ts)`);
  process.exit(1);
}
await writeFile(new URL('../docs/troubleshooting.md', import.meta.url), renderTroubleshooting());
console.log('wrote docs/troubleshooting.md');
