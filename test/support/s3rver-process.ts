/**
 * A real S3 server (s3rver 3.7.1) in its own process, started by `startS3rver`. It must run
 * under NODE_OPTIONS=--openssl-legacy-provider (paginated listing uses DES), which the test
 * process itself should not. Prints `{"port":N}` once listening; exits when stdin closes, so
 * a crashed test never leaves it running.
 */
import S3rver from 's3rver';

const directory = process.env.S3RVER_DIRECTORY;
if (!directory) throw new Error('S3RVER_DIRECTORY is required');
const buckets = (process.env.S3RVER_BUCKETS ?? '').split(',').filter((name) => name !== '');

const server = new S3rver({
  address: '127.0.0.1',
  port: 0,
  silent: true,
  directory,
  configureBuckets: buckets.map((name) => ({ name })),
});
const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port })}\n`);

// Closing would wait for the SDK's keep-alive sockets; the data folder is the parent's to remove.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
process.on('SIGTERM', () => process.exit(0));
