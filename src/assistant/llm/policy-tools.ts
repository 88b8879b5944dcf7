import { tool } from 'langchain';
import { z } from 'zod';
import { describeValidity, type Corpus } from '../../corpus/index.js';
import { computeSubsidy, type Calculation, type PolicyRules } from '../../policy/index.js';
import type { Retriever } from '../../retrieval/index.js';
import { searchPolicy } from '../policy-search.js';

export interface PolicyToolDeps {
  corpus: Corpus;
  rules: PolicyRules;
  retriever: Retriever;
  today: string;
}

/** What the tools handed the model in one turn: the only clauses it may cite and the only figures it may state. */
export class ToolLedger {
  readonly clauseIds = new Set<string>();
  readonly calculations: Calculation[] = [];
  /** Every tool output as the model saw it; the numeric guard checks the answer against these. */
  readonly outputs: string[] = [];
}

const SearchArgsSchema = z.object({
  query: z.string().min(1).max(200).describe('用中文描述要查找的政策内容，可包含地区名，如“中山 工作母机 补助”'),
  k: z.number().int().min(1).max(8).default(4).describe('返回条款数'),
});

const CalculateArgsSchema = z.object({
  ruleId: z.string().describe('补贴规则编号，来自 search_policy 结果中的 rules 字段'),
  inputs: z.record(z.string(), z.union([z.string(), z.number()]))
    .describe('规则所需输入，金额以元为单位的数字字符串，如 {"purchasePrice":"2000000"}'),
});

/** The two tools of LLM mode, writing what they return into `ledger`. */
export function createPolicyTools(deps: PolicyToolDeps, ledger: ToolLedger) {
  const record = (output: object) => {
    const text = JSON.stringify(output);
    ledger.outputs.push(text);
    return text;
  };

  const searchPolicyTool = tool(
    async ({ query, k }) => {
      const hits = await searchPolicy(deps.corpus, deps.retriever, { query, k });
      const clauses = hits.map((h) => {
        ledger.clauseIds.add(h.clause.id);
        const doc = deps.corpus.documentById.get(h.clause.docId);
        return {
          clauseId: h.clause.id, label: h.clause.label, document: doc?.title ?? h.clause.docId, docNumber: doc?.docNumber ?? null,
          status: doc ? describeValidity(doc, deps.today) : '', text: h.clause.text,
          rules: deps.rules.rules.filter((r) => r.clauseId === h.clause.id).map((r) => ({ ruleId: r.id, subject: r.subject, formula: r.formula })),
        };
      });
      return record({ clauses });
    },
    { name: 'search_policy', description: '在收录的技改政策文件中检索条款，返回条款原文、条款编号、文件状态及可用的补贴规则。', schema: SearchArgsSchema },
  );

  const calculateTool = tool(
    async ({ ruleId, inputs }) => {
      const rule = deps.rules.find(ruleId);
      if (!rule) return record({ error: { code: 'unknown_rule', field: null, message: `没有编号为“${ruleId}”的补贴规则` } });
      const outcome = computeSubsidy(rule, inputs, { today: deps.today, documents: deps.corpus.documentById });
      if (!outcome.ok) return record({ error: outcome.error });
      ledger.calculations.push(outcome.calculation);
      ledger.clauseIds.add(outcome.calculation.clauseId);
      return record({ calculation: outcome.calculation });
    },
    { name: 'calculate_subsidy', description: '按规则表计算补贴金额（精确小数），返回金额、计算步骤、封顶情况、条件和提示。所有金额必须来自本工具。', schema: CalculateArgsSchema },
  );

  return [searchPolicyTool, calculateTool];
}
