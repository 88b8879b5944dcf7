// The API's shapes, taken from the server's zod schemas (types only: nothing of the server is bundled).
import type { ChatCalculation, ChatResponse, Citation } from '../../src/assistant/response.js';
import type { Calculation, InputDimension, NonQuantitativeDocument, RuleInput, SubsidyRule } from '../../src/policy/index.js';

export type { Calculation, ChatCalculation, ChatResponse, Citation, InputDimension, RuleInput, SubsidyRule };

/** GET /api/rules: the rules rows as the server loaded them (src/policy/rule-schema.ts, defaults filled in). */
export interface RulesResponse {
  rules: SubsidyRule[];
  documentsWithoutRates: NonQuantitativeDocument[];
}

export interface StoredTurn {
  turnIndex: number;
  at: string;
  message: string;
  intent: string;
  answer: string;
  citations: Citation[];
  calculation: ChatResponse['calculation'];
  suggestions: string[];
  feedback: { rating: 'up' | 'down'; comment: string | null } | null;
}

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export async function api<T>(path: string, init?: { method?: string; body?: unknown }): Promise<T> {
  const res = await fetch(path, {
    method: init?.method ?? 'GET',
    headers: init?.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init?.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const json = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string } };
  if (!res.ok) throw new ApiFailure(res.status, json.error?.code ?? 'http_error', json.error?.message ?? `HTTP ${res.status}`);
  return json as T;
}
