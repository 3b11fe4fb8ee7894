/**
 * A real S3-compatible server for the attachment store's tests: SeaweedFS (`weed server -s3`, Apache-2.0) built from
 * the Go module proxy by infra/seaweedfs.sh, on free loopback ports, with one access key, its data in a temporary
 * folder removed at stop. Not a fake: if no `weed` can be found or built, starting fails and so does the test.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface SeaweedS3 {
  endpoint: string;
  accessKeyId: string;
  secretAccessKey: string;
  stop(): Promise<void>;
}

/** The weed binary (found, or built the first time: several minutes). */
export function weedBinary(): string {
  return execFileSync('bash', [join(__dirname, '..', '..', 'infra', 'seaweedfs.sh')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    timeout: 3_000_000,
  }).trim();
}

async function freePort(taken: Set<number>): Promise<number> {
  for (;;) {
    const port = await new Promise<number>((resolve, reject) => {
      const srv = createServer();
      srv.once('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => resolve(p));
      });
    });
    if (!taken.has(port)) {
      taken.add(port);
      return port;
    }
  }
}

/** Starts `weed server` (master, volume, filer, S3 gateway) and waits until the S3 port answers. */
export async function startSeaweedS3(): Promise<SeaweedS3> {
  const weed = weedBinary();
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-seaweedfs-'));
  const accessKeyId = `tdkt-${randomBytes(4).toString('hex')}`;
  const secretAccessKey = randomBytes(24).toString('base64url');
  writeFileSync(
    join(dir, 's3.json'),
    JSON.stringify({
      identities: [
        {
          name: 'tdkt',
          credentials: [{ accessKey: accessKeyId, secretKey: secretAccessKey }],
          actions: ['Admin', 'Read', 'Write', 'List', 'Tagging'],
        },
      ],
    }),
  );
  const taken = new Set<number>();
  const port = async () => String(await freePort(taken));
  const [master, masterGrpc, volume, volumeGrpc, filer, filerGrpc, s3, s3Grpc] = [
    await port(),
    await port(),
    await port(),
    await port(),
    await port(),
    await port(),
    await port(),
    await port(),
  ];
  const args = [
    'server',
    `-dir=${join(dir, 'data')}`,
    '-ip=127.0.0.1',
    '-ip.bind=127.0.0.1',
    `-master.port=${master}`,
    `-master.port.grpc=${masterGrpc}`,
    '-master.volumeSizeLimitMB=64',
    `-volume.port=${volume}`,
    `-volume.port.grpc=${volumeGrpc}`,
    '-volume.max=8',
    '-filer',
    `-filer.port=${filer}`,
    `-filer.port.grpc=${filerGrpc}`,
    '-s3',
    `-s3.port=${s3}`,
    `-s3.port.grpc=${s3Grpc}`,
    '-s3.port.iceberg=0',
    '-s3.port.lance=0',
    `-s3.config=${join(dir, 's3.json')}`,
  ];
  mkdirSync(join(dir, 'data'));
  const child: ChildProcess = spawn(weed, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const endpoint = `http://127.0.0.1:${s3}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Ready when the S3 gateway answers (403 to an unsigned request) and a volume has joined the master.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`weed server exited (${child.exitCode}): ${log}`);
    const [s3Up, volumes] = await Promise.all([
      fetch(endpoint).then(
        (r) => r.status > 0,
        () => false,
      ),
      fetch(`http://127.0.0.1:${master}/dir/status`).then(
        async (r) => (await r.text()).includes(`127.0.0.1:${volume}`),
        () => false,
      ),
    ]);
    if (s3Up && volumes) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`weed server did not become ready in 60 s: ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return { endpoint, accessKeyId, secretAccessKey, stop };
}
