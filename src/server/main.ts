// npm start: reads the environment once, opens the corpus, retrieval and store, serves HTTP + WebSocket.
import { openPolicyCore } from '../app.js';
import { readConfig } from '../config.js';
import { openConversationStore } from '../store/index.js';
import { buildServer } from './server.js';

const config = readConfig(process.env);
let store;
try {
  store = openConversationStore(config);
} catch (error) {
  // An unwritable DATA_DIR is a start-up error with one clear line, not a crash later on the first turn.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const core = await openPolicyCore(config);
const app = await buildServer(core, { logger: true, store });
await app.listen({ port: config.port, host: config.host });

// Graceful shutdown: stop accepting, let in-flight answers finish and be stored, close sockets, then exit.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    app.log.info(`${signal}: closing`);
    app.close().then(() => process.exit(0), () => process.exit(1));
  });
}
