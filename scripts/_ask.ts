import { openPolicyCore, createChatService } from '../src/app.js';
import { readConfig } from '../src/config.js';
import { InMemoryConversationStore } from '../src/assistant/conversation.js';
const core = await openPolicyCore(readConfig(process.env), () => {});
const s = createChatService(core, new InMemoryConversationStore());
let id: string | undefined;
for (const m of process.argv.slice(2)) { if (m === '/new') { id = undefined; continue; } const r = await s.chat({ message: m, conversationId: id }); id = r.conversationId; console.log('>>', m, '\n', r.intent, r.answer.slice(0, 400), '\n', r.citations.map(c=>c.clauseId).join(','), JSON.stringify(r.calculation)?.slice(0,150)); }
