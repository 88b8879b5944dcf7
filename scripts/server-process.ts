import { spawn, type ChildProcess } from 'node:child_process';

/** A real `npm start` server process (node + tsx, no wrapper process, so a signal reaches the server itself). */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** What the process printed up to "Server listening" (start-up lines); later output is drained, not kept. */
  output: () => string;
}

/** Starts the server on a free loopback port and resolves once it listens; rejects with the log if it exits first. */
export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (!listening?.[1]) return;
      // Keep draining the request log (as a log shipper would) without holding it in memory.
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.stdout?.resume();
      child.stderr?.resume();
      resolve({ child, url: listening[1], output: () => log });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(Object.assign(new Error(`server exited with ${code}: ${log}`), { code, log })));
  });
}

/** Resolves with the exit code and everything the process printed (for servers expected not to start). */
export function runToExit(env: Record<string, string>): Promise<{ code: number | null; log: string }> {
  return startServerProcess(env).then(
    ({ child }) => { child.kill('SIGKILL'); return { code: null, log: 'started unexpectedly' }; },
    (error: { code: number | null; log: string }) => ({ code: error.code, log: error.log }),
  );
}
