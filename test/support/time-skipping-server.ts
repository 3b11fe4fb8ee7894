/**
 * Temporal's Java time-skipping test server, started by the test itself with a start-up budget that holds on a busy
 * machine. The SDK's own `TestWorkflowEnvironment.createTimeSkipping` gives the JVM a fixed 5 s to accept connections,
 * which a loaded 2-core machine exceeds ("ephemeral server … did not start within 5s").
 *
 * One server per spec file, never shared: time skipping is global to a server, and the specs skip to absolute dates
 * (a spec that has moved the clock to June cannot hand the server to one that needs January).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';
import { Connection, InternalConnectionOptionsSymbol } from '@temporalio/client/lib/connection';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection, Runtime } from '@temporalio/worker';
import { dataConverterFromEnv } from '@tdkt/platform';

/** Generous on purpose: a cold JVM on a machine running two Jest workers and a build can take tens of seconds. */
export const TEST_SERVER_START_BUDGET_MS = Number(process.env.TDKT_TEST_SERVER_START_MS ?? 120_000);

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => ok(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

const accepts = (port: number): Promise<boolean> =>
  new Promise((ok) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      ok(true);
    });
    socket.once('error', () => ok(false));
  });

async function startJavaServer(executable: string, port: number): Promise<ChildProcess> {
  const child = spawn(executable, [String(port)], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const deadline = Date.now() + TEST_SERVER_START_BUDGET_MS;
  while (!(await accepts(port))) {
    if (child.exitCode !== null)
      throw new Error(`The time-skipping test server (${executable}) exited with code ${child.exitCode}: ${stderr}`);
    if (Date.now() > deadline) {
      stopProcessGroup(child);
      throw new Error(
        `The time-skipping test server did not accept connections on ${port} within ${TEST_SERVER_START_BUDGET_MS / 1000}s: ${stderr}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return child;
}

/** The wrapper script execs java, but kill the whole group in case a shell stays in between. */
function stopProcessGroup(child: ChildProcess): void {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

/** A time-skipping environment on a server this process started; teardown also stops the server. */
class OwnServerEnvironment extends TestWorkflowEnvironment {
  private javaServer?: ChildProcess;

  static async start(executable: string): Promise<OwnServerEnvironment> {
    const port = await freePort();
    const javaServer = await startJavaServer(executable, port);
    try {
      const address = `127.0.0.1:${port}`;
      const internal = { [InternalConnectionOptionsSymbol]: { supportsTestService: true } };
      const nativeConnection = await NativeConnection.connect({ address, ...internal });
      const connection = await Connection.connect({ address, ...internal });
      const env = new OwnServerEnvironment(
        Runtime.instance(),
        { server: { type: 'existing' }, client: { dataConverter: dataConverterFromEnv() }, plugins: [] },
        true,
        'existing',
        connection,
        nativeConnection,
        'default',
        address,
      );
      env.javaServer = javaServer;
      return env;
    } catch (e) {
      stopProcessGroup(javaServer);
      throw e;
    }
  }

  override async teardown(): Promise<void> {
    await super.teardown();
    const server = this.javaServer;
    if (!server || server.exitCode !== null || server.signalCode !== null) return;
    const exited = new Promise((ok) => server.once('exit', ok));
    stopProcessGroup(server);
    await exited;
  }
}

/** A fresh time-skipping environment on its own Java test server (TDKT_TEST_SERVER, set by `npm test`). */
export function timeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const executable = process.env.TDKT_TEST_SERVER;
  if (!executable) throw new Error('TDKT_TEST_SERVER is not set: run the workflow specs through `npm test`');
  return OwnServerEnvironment.start(executable);
}
