import { ChatService } from './assistant/chat-service.js';
import type { ConversationStore } from './assistant/conversation.js';
import type { LlmAnswerer, LlmVerdict } from './assistant/llm/index.js';
import type { AppConfig } from './config.js';
import { loadCorpus, type Corpus } from './corpus/index.js';
import { compileLexicon, type Lexicon } from './lexicon/index.js';
import { loadPolicyRules, type PolicyRules } from './policy/index.js';
import { addPolicyWords, addEnglishTerms } from './retrieval/index.js';
import { openPolicyRetrieval, type PolicyRetrieval } from './retrieval/index.js';

/** What every entry point (server, CLI scripts, evals, tests) needs: the corpus and its retrieval. */
export interface PolicyCore {
  config: AppConfig;
  corpus: Corpus;
  /** The rules data (corpus/rules/*.yaml) and the vocabulary compiled from it and the manifest. */
  rules: PolicyRules;
  lexicon: Lexicon;
  retrieval: PolicyRetrieval;
  /** LLM mode, when LLM_BASE_URL is set; null: answers come from the rules engine alone. */
  llm: LlmAnswerer | null;
}

/** Loads the corpus and opens retrieval; logs one line saying whether retrieval is hybrid or lexical only. */
export async function openPolicyCore(config: AppConfig, log: (line: string) => void = console.error): Promise<PolicyCore> {
  const corpus = loadCorpus(config.corpusDir);
  const rules = loadPolicyRules(config.corpusDir);
  const lexicon = compileLexicon(corpus, rules);
  // The tokenizer and the English rewrite learn the rules' vocabulary before any index is built.
  addPolicyWords(lexicon.tokenizerWords);
  addEnglishTerms(lexicon.englishTerms);
  const retrieval = await openPolicyRetrieval(corpus, {
    modelDir: config.modelDir,
    requireModel: config.requireModel,
    indexDir: config.indexDir,
    embeddingQueueSize: config.embeddingQueueSize,
  });
  log(retrieval.status);
  const deps = { corpus, rules, lexicon, retriever: retrieval.retriever, today: config.today };
  let llm: LlmAnswerer | null = null;
  if (config.llm) {
    // LangChain loads only in LLM mode (it adds ~0.8 s to start-up).
    const { LlmAnswerer, createChatModel, loadPrompt } = await import('./assistant/llm/index.js');
    llm = new LlmAnswerer(createChatModel(config.llm), deps, {
      systemPrompt: loadPrompt(config.promptsDir, 'system'), coverage: lexicon.coverage, timeoutMs: config.llm.timeoutMs,
    });
  }
  log(config.llm ? `LLM mode on: ${config.llm.model} at ${config.llm.baseUrl}; figures are checked against the tools` : 'LLM mode off: answers come from the rules engine');
  return { config, corpus, rules, lexicon, retrieval, llm };
}

/** The chat service every entry point uses: the core's assistant, LLM mode when configured, and a store. */
export function createChatService(core: PolicyCore, store: ConversationStore, onLlmVerdict?: (verdict: LlmVerdict) => void): ChatService {
  return new ChatService({ corpus: core.corpus, rules: core.rules, lexicon: core.lexicon, retriever: core.retrieval.retriever, today: core.config.today }, store,
    { llm: core.llm, onLlmVerdict });
}
