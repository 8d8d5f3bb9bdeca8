// npm run infra:generate — renders the Glue tables of infra/follower-pulse.cloudformation.yaml
// from the app's own table definitions (scripts/infra/glue-table-resources.ts).
import { readFile, writeFile } from 'node:fs/promises';
import { spliceGlueTables } from './infra/glue-table-resources';

const file = new URL('../infra/follower-pulse.cloudformation.yaml', import.meta.url);
const before = await readFile(file, 'utf8');
const after = spliceGlueTables(before);
if (after === before) console.log('infra/follower-pulse.cloudformation.yaml: Glue tables already up to date');
else {
  await writeFile(file, after);
  console.log('infra/follower-pulse.cloudformation.yaml: Glue tables regenerated');
}
