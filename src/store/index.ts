import { join } from 'node:path';
import { InMemoryConversationStore, type ConversationStore } from '../assistant/conversation.js';
import type { AppConfig } from '../config.js';
import { SqliteConversationStore } from './sqlite-store.js';

export { SqliteConversationStore, StoreLockedError, StoreOpenError } from './sqlite-store.js';

/**
 * The store the configuration names: SQLite at DATA_DIR/conversations.sqlite by default. Throws StoreOpenError
 * (StoreLockedError when another server already uses DATA_DIR).
 */
export function openConversationStore(config: Pick<AppConfig, 'store' | 'dataDir'>): ConversationStore {
  return config.store === 'memory' ? new InMemoryConversationStore() : new SqliteConversationStore(join(config.dataDir, 'conversations.sqlite'));
}
