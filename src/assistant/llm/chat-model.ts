import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { ChatOpenAI } from '@langchain/openai';
import type { AppConfig } from '../../config.js';

/** A chat model on any OpenAI-compatible endpoint (vLLM, Ollama, DeepSeek, Qwen …), from LLM_* settings. */
export function createChatModel(llm: NonNullable<AppConfig['llm']>): BaseChatModel {
  return new ChatOpenAI({
    model: llm.model,
    apiKey: llm.apiKey,
    configuration: { baseURL: llm.baseUrl },
    temperature: 0,
    timeout: llm.timeoutMs,
    maxRetries: 1,
  });
}

/** Reads a prompt template from the prompts folder (prompts are data, reviewed like the rules table). */
export function loadPrompt(promptsDir: string, name: string): string {
  return readFileSync(join(promptsDir, `${name}.md`), 'utf8');
}
