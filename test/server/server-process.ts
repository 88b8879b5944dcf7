import { spawn, type ChildProcess } from 'node:child_process';

/** A real `npm start` server process (node + tsx, no wrapper process, so a kill reaches the server itself). */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
}

export function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', POLICY_TODAY: '2026-11-22', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(log);
      if (listening?.[1]) resolve({ child, url: listening[1], output: () => log });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(Object.assign(new Error(`server exited with ${code}: ${log}`), { code, log })));
  });
}

/** Resolves with the exit code and everything the process printed. */
export function runToExit(env: Record<string, string>): Promise<{ code: number | null; log: string }> {
  return startServerProcess(env).then(
    ({ child }) => { child.kill('SIGKILL'); return { code: null, log: 'started unexpectedly' }; },
    (error: { code: number | null; log: string }) => ({ code: error.code, log: error.log }),
  );
}
