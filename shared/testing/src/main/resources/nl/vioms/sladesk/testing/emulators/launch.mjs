// Starts the AWS emulators SLA Desk tests against, in one Node process bound to 127.0.0.1:
// dynalite (DynamoDB wire protocol) and fauxqs (SNS, SQS, S3). Prints one JSON line with the
// chosen ports on stdout, then serves until stdin closes or a signal arrives, so the process
// never outlives the JVM that started it.
// Usage: node launch.mjs [DATA_DIR]   (no DATA_DIR: everything in memory)
import net from 'node:net';
import path from 'node:path';
import fs from 'node:fs';
import { createRequire } from 'node:module';

// fauxqs listens on 0.0.0.0; our emulators must only be reachable from this machine.
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (args.length > 0 && typeof args[0] === 'object' && args[0] !== null) {
    args[0] = { ...args[0], host: '127.0.0.1' };
  }
  return listen.apply(this, args);
};

const dataDir = process.argv[2];
if (dataDir) fs.mkdirSync(dataDir, { recursive: true });

const require = createRequire(import.meta.url);
const dynalite = require('dynalite');
const { startFauxqs } = await import('fauxqs');

const dynamo = dynalite({
  path: dataDir ? path.join(dataDir, 'dynamodb') : undefined,
  createTableMs: 0, deleteTableMs: 0, updateTableMs: 0,
});
await new Promise((resolve, reject) => {
  dynamo.once('error', reject);
  dynamo.listen(0, '127.0.0.1', resolve);
});

const fauxqs = await startFauxqs({
  port: 0,
  host: '127.0.0.1',
  logger: false,
  dataDir: dataDir ? path.join(dataDir, 'fauxqs') : undefined,
});

process.stdout.write(JSON.stringify({ dynamodb: dynamo.address().port, fauxqs: fauxqs.port }) + '\n');

const stop = async () => {
  try { await fauxqs.stop?.(); } catch (e) { /* closing anyway */ }
  dynamo.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.stdin.on('end', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
