import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { AIMessage, HumanMessage, type BaseMessage } from '@langchain/core/messages';
import { createAgent } from 'langchain';
import { citeClauses } from '../citations.js';
import { toChatCalculation, type AssistantReply } from '../response.js';
import { checkFigures } from './numeric-guard.js';
import { createPolicyTools, ToolLedger, type PolicyToolDeps } from './policy-tools.js';

export interface LlmTurn {
  message: string;
  answer: string;
}

/** Why the LLM's answer was used or not; logged per turn so a fallback is never silent. */
export type LlmVerdict =
  | { used: true }
  | { used: false; reason: 'skipped' | 'error' | 'no_citation' | 'unknown_citation' | 'unsupported_figure' | 'empty'; detail?: string };

export interface LlmAnswererOptions {
  /** The system prompt template (prompts/system.md) with {{today}}, {{coverage}} and {{grounded}} placeholders. */
  systemPrompt: string;
  coverage: string;
  timeoutMs: number;
  /** Earlier turns given to the model as context. */
  historyTurns?: number;
}

// Intents whose grounded answer is final: nothing for a model to add, and no room for it to invent.
const GROUNDED_ONLY = new Set(['greeting', 'help', 'out_of_scope']);
const CITATION_MARK = /【([a-z0-9-]+:[^】\s]+)】/g;

/**
 * Optional LLM mode: a tool-calling chat model writes the answer, the rules engine's answer stays the fallback.
 * The model's text is accepted only when every clause it cites came from its tools this turn and every figure it
 * states appears in a tool output, a cited clause or the grounded answer.
 */
export class LlmAnswerer {
  constructor(
    private readonly model: BaseChatModel,
    private readonly deps: PolicyToolDeps,
    private readonly options: LlmAnswererOptions,
  ) {}

  async answer(message: string, history: LlmTurn[], grounded: AssistantReply): Promise<{ reply: AssistantReply; verdict: LlmVerdict }> {
    const fallback = (verdict: LlmVerdict) => ({ reply: grounded, verdict });
    if (GROUNDED_ONLY.has(grounded.intent)) return fallback({ used: false, reason: 'skipped' });

    const ledger = new ToolLedger();
    let text: string;
    try {
      text = await this.run(message, history, grounded, ledger);
    } catch (error) {
      return fallback({ used: false, reason: 'error', detail: error instanceof Error ? error.message : String(error) });
    }
    if (!text.trim()) return fallback({ used: false, reason: 'empty' });

    const cited = [...new Set([...text.matchAll(CITATION_MARK)].map((m) => m[1] ?? ''))];
    if (cited.length === 0 && grounded.citations.length > 0) return fallback({ used: false, reason: 'no_citation' });
    const groundedIds = new Set(grounded.citations.map((c) => c.clauseId));
    const unknown = cited.filter((id) => !ledger.clauseIds.has(id) && !groundedIds.has(id));
    if (unknown.length) return fallback({ used: false, reason: 'unknown_citation', detail: unknown.join(', ') });

    const citations = citeClauses(this.deps.corpus, cited);
    const sources = [...ledger.outputs, ...citations.map((c) => c.text), grounded.answer,
      JSON.stringify(grounded.calculation), this.deps.today];
    const figures = checkFigures(text.replace(CITATION_MARK, ''), sources);
    if (!figures.ok) return fallback({ used: false, reason: 'unsupported_figure', detail: figures.unsupported.join(', ') });

    const answer = text.replace(CITATION_MARK, (_, id: string) => {
      const c = citations.find((x) => x.clauseId === id);
      return c ? `（《${c.docTitle}》${c.label}）` : '';
    });
    const calculation = ledger.calculations.length ? ledger.calculations.map(toChatCalculation) : null;
    return {
      reply: {
        ...grounded,
        answer: answer.trim(),
        citations,
        calculation: calculation ? (calculation.length === 1 ? (calculation[0] ?? null) : calculation) : grounded.calculation,
      },
      verdict: { used: true },
    };
  }

  private async run(message: string, history: LlmTurn[], grounded: AssistantReply, ledger: ToolLedger): Promise<string> {
    const systemPrompt = this.options.systemPrompt
      .replaceAll('{{today}}', this.deps.today)
      .replaceAll('{{coverage}}', this.options.coverage)
      .replaceAll('{{grounded}}', grounded.answer);
    const agent = createAgent({ model: this.model, tools: createPolicyTools(this.deps, ledger), systemPrompt });
    const context: BaseMessage[] = history.slice(-(this.options.historyTurns ?? 4))
      .flatMap((t) => [new HumanMessage(t.message), new AIMessage(t.answer)]);
    const result = await agent.invoke(
      { messages: [...context, new HumanMessage(message)] },
      { signal: AbortSignal.timeout(this.options.timeoutMs), recursionLimit: 12 },
    );
    const last = result.messages.at(-1);
    return last && AIMessage.isInstance(last) ? last.text : '';
  }
}
