// npm run chat: a terminal conversation over the same assistant as the API (one conversation per session).
import { createInterface } from 'node:readline/promises';
import { createChatService, openPolicyCore } from '../src/app.js';
import { InMemoryConversationStore } from '../src/assistant/conversation.js';
import { ChatRequestSchema } from '../src/assistant/response.js';
import { readConfig } from '../src/config.js';

const core = await openPolicyCore(readConfig(process.env));
const service = createChatService(core, new InMemoryConversationStore(), (v) => {
  if (!v.used && v.reason !== 'skipped') console.error(`（LLM 回答未采用：${v.reason}${v.detail ? ` ${v.detail}` : ''}，已用规则引擎答案）`);
});
const terminal = createInterface({ input: process.stdin, output: process.stdout });
let conversationId: string | undefined;
console.log('技改政策助手 — 输入问题，/new 开始新对话，/quit 退出');
terminal.setPrompt('\n> ');
terminal.prompt();
// Iterating the lines (rather than question()) also works when questions are piped in.
for await (const raw of terminal) {
  const line = raw.trim();
  if (line === '/quit') break;
  if (!line) { terminal.prompt(); continue; }
  if (line === '/new') { conversationId = undefined; console.log('（新对话）'); terminal.prompt(); continue; }
  const request = ChatRequestSchema.safeParse({ message: line, conversationId });
  if (!request.success) { console.log(request.error.issues.map((i) => i.message).join('; ')); terminal.prompt(); continue; }
  const reply = await service.chat(request.data);
  conversationId = reply.conversationId;
  console.log(`[${reply.intent}] ${reply.answer}`);
  for (const c of reply.citations) console.log(`  · ${c.docTitle} ${c.label} [${c.clauseId}]`);
  if (reply.suggestions.length) console.log(`  建议：${reply.suggestions.join(' ｜ ')}`);
  terminal.prompt();
}
terminal.close();
