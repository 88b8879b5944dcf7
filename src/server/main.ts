// npm start: reads the environment once, opens the corpus and retrieval, serves HTTP + WebSocket.
import { openPolicyCore } from '../app.js';
import { readConfig } from '../config.js';
import { buildServer } from './server.js';

const config = readConfig(process.env);
const core = await openPolicyCore(config);
const app = await buildServer(core, { logger: true });
await app.listen({ port: config.port, host: config.host });

// Graceful shutdown: stop accepting, let in-flight answers finish, then exit.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    app.log.info(`${signal}: closing`);
    app.close().then(() => process.exit(0), () => process.exit(1));
  });
}
