// Runs the fake LinkedIn API as a process (for the benchmark and for trying the CLI by hand):
//   node --import tsx test/support/fake-linkedin-server.ts [--latency MS] [--orgs 2414183,123]
// Prints the API base URL on its first stdout line.
import { parseArgs } from 'node:util';
import { startFakeLinkedIn } from '../fakes/fake-linkedin';

const { values } = parseArgs({
  options: { latency: { type: 'string', default: '0' }, orgs: { type: 'string', default: '2414183' }, token: { type: 'string', default: 'test-token' } },
});
const fake = await startFakeLinkedIn({ latencyMs: Number(values.latency), token: values.token });
for (const [i, id] of values.orgs.split(',').entries()) fake.addOrganization(id, { name: `Demo Page ${i + 1}`, followers: 12_000 + i * 1000 });
process.stdout.write(`${fake.apiBaseUrl}\n`);
const stop = (): void => void fake.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
