// Starts the AWS emulators SLA Desk tests against, bound to 127.0.0.1: DynamoDB (dynoxide, a
// native binary with transactions and streams, as a child of this process; dynalite in this
// process where that binary does not run), fauxqs (SNS, SQS, S3) and aws-ses-v2-local (SES v2
// SendEmail; the mails it accepted at GET /store, a web UI at /) and cognito-local (the console's
// user pool). Prints one JSON line with the
// chosen ports on stdout, then serves until stdin closes or a signal arrives, so nothing outlives
// the JVM that started it.
// Usage: node launch.mjs [DATA_DIR]   (no DATA_DIR: everything in memory)
import net from 'node:net';
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

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
const { startFauxqs } = await import('fauxqs');
const here = path.dirname(fileURLToPath(import.meta.url));
const dynoxideBinary = path.join(here, 'node_modules', '@dynoxide', 'linux-x64', 'dynoxide');

async function freePort() {
  const probe = net.createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = probe.address().port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function startDynoxide() {
  const port = await freePort();
  const args = ['--host', '127.0.0.1', '--port', String(port)];
  if (dataDir) args.push('--db-path', path.join(dataDir, 'dynamodb.sqlite'));
  const child = spawn(dynoxideBinary, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  let exited = null;
  child.once('exit', (code) => { exited = code; });
  // ready when it accepts connections (its own banner is not a reliable signal through a pipe)
  for (let waited = 0; ; waited += 25) {
    if (exited !== null) throw new Error('dynoxide exited with ' + exited);
    if (waited > 15000) throw new Error('dynoxide did not listen on ' + port + ' within 15 s');
    const open = await new Promise((resolve) => {
      const socket = net.connect({ port, host: '127.0.0.1' }, () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (open) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { engine: 'dynoxide', port, close: (done) => { child.once('exit', () => done()); child.kill('SIGTERM'); } };
}

async function startDynalite() {
  const dynalite = require('dynalite');
  const server = dynalite({
    path: dataDir ? path.join(dataDir, 'dynamodb') : undefined,
    createTableMs: 0, deleteTableMs: 0, updateTableMs: 0,
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return { engine: 'dynalite', port: server.address().port, close: (done) => server.close(() => done()) };
}

const useDynoxide = process.platform === 'linux' && process.arch === 'x64' && fs.existsSync(dynoxideBinary);
const dynamo = useDynoxide ? await startDynoxide() : await startDynalite();

const fauxqs = await startFauxqs({
  port: 0,
  host: '127.0.0.1',
  logger: false,
  dataDir: dataDir ? path.join(dataDir, 'fauxqs') : undefined,
});

// Cognito (issue 17): cognito-local reads its port and host from the environment when it is first
// loaded, and keeps its pools in .cognito/ under the working directory: a folder of DATA_DIR, or
// a fresh temporary one. Its log (and the codes it "mails", e.g. for a forgotten password) goes to
// stderr, never to stdout, which carries only the ports line.
const cognitoPort = await freePort();
process.env.PORT = String(cognitoPort);
process.env.HOST = '127.0.0.1';
const cognitoDir = dataDir ? path.join(dataDir, 'cognito') : fs.mkdtempSync(path.join(os.tmpdir(), 'sladesk-cognito-'));
fs.mkdirSync(cognitoDir, { recursive: true });
process.chdir(cognitoDir);
const pino = require('pino');
const { createDefaultServer } = require('cognito-local');
const cognito = await (await createDefaultServer(pino({ level: 'info' }, pino.destination(2)))).start();

// SES v2 (decision 18): keeps each mail parsed (from, to, subject, text, html), not its raw headers
const sesServer = require('aws-ses-v2-local').default;
const ses = await sesServer({ port: 0, host: '127.0.0.1' });

process.stdout.write(JSON.stringify({
  dynamodb: dynamo.port, dynamodbEngine: dynamo.engine, fauxqs: fauxqs.port, ses: ses.address().port,
  cognito: cognito.address().port,
}) + '\n');

const stop = async () => {
  try { await fauxqs.stop?.(); } catch (e) { /* closing anyway */ }
  try { ses.close(); } catch (e) { /* closing anyway */ }
  try { cognito.close(); } catch (e) { /* closing anyway */ }
  dynamo.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 2000).unref();
};
process.stdin.on('end', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
