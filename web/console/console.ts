// The hotline console: instant clause search with highlighted terms and region/document filters, a calculator over
// the rules table, and a read-aloud script with the clause reference. Keyboard-first: / search, Enter run, Esc clear.
import { api } from '../shared/api.js';
import { copyText, h, highlighted } from '../shared/dom.js';

interface DocumentSummary { id: string; title: string; shortTitle?: string; docNumber: string | null; region: string; status: string }
interface SearchResult { clauseId: string; docId: string; docTitle: string; docNumber: string | null; label: string; title: string; text: string; score: number; matchedTerms: string[] }
interface Formula { type: string; basis?: string; options?: { key: string; label: string }[]; levels?: { key: string; label: string }[]; components?: { key: string; label: string }[] }
interface Rule { id: string; docId: string; clauseId: string; subject: string; quote: string; formula: Formula; modifiers: { key: string; label: string }[]; threshold?: { field: string } }
interface Calculation { ruleId: string; clauseId: string; steps: string[]; display: string; displayYuan: string; capped: boolean; upperBound: boolean; conditions: string[]; notes: string[] }

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const q = $<HTMLInputElement>('q');
const regionSelect = $<HTMLSelectElement>('region');
const docSelect = $<HTMLSelectElement>('doc');
const results = $<HTMLOListElement>('results');
const searchStatus = $<HTMLElement>('search-status');
const ruleSelect = $<HTMLSelectElement>('rule');
const fields = $<HTMLElement>('fields');
const calcResult = $<HTMLElement>('calc-result');
const script = $<HTMLElement>('script');

const BASIS_LABELS: Record<string, string> = {
  investment: '项目投资额', purchasePrice: '购买价格', contractAmount: '服务合同额', transactionAmount: '并购交易额',
  paidInCapital: '实缴注册资本', equipmentPurchase: '设备购置额', annualOutput: '年产值',
};
let documents: DocumentSummary[] = [];
let rules: Rule[] = [];
const docById = (id: string) => documents.find((d) => d.id === id);

function setScript(text: string): void {
  script.textContent = text;
}

// ---- search
let searchSeq = 0;
async function runSearch(): Promise<void> {
  const query = q.value.trim();
  const seq = ++searchSeq;
  if (!query) { results.replaceChildren(); searchStatus.textContent = ''; return; }
  const params = new URLSearchParams({ q: query, k: '20' });
  if (docSelect.value) params.set('docId', docSelect.value);
  try {
    const body = await api<{ results: SearchResult[] }>(`/api/search?${params}`);
    if (seq !== searchSeq) return; // a newer keystroke already asked
    const region = regionSelect.value;
    const shown = body.results.filter((r) => !region || docById(r.docId)?.region === region).slice(0, 8);
    searchStatus.textContent = shown.length ? `${shown.length} 条结果` : '没有找到相关条款';
    results.replaceChildren(...shown.map((r) => {
      const doc = docById(r.docId);
      const item = h('li', { tabindex: '0', 'data-clause': r.clauseId },
        h('span', { class: 'ref' }, r.label), h('span', { class: 'doc' }, `${r.docTitle}${r.docNumber ? `（${r.docNumber}）` : ''}${doc ? ` · ${statusLabel(doc.status)}` : ''}`),
        h('p', {}, highlighted(r.text, r.matchedTerms)));
      const choose = () => {
        results.querySelectorAll('li.selected').forEach((x) => x.classList.remove('selected'));
        item.classList.add('selected');
        setScript(clauseScript(r, doc));
      };
      item.addEventListener('click', choose);
      item.addEventListener('keydown', (e) => { if (e.key === 'Enter') choose(); });
      return item;
    }));
  } catch (error) {
    searchStatus.textContent = error instanceof Error ? error.message : '检索失败';
  }
}

const statusLabel = (s: string) => ({ in_force: '现行', expired: '已届满', draft: '征求意见稿' } as Record<string, string>)[s] ?? s;

function clauseScript(r: SearchResult, doc: DocumentSummary | undefined): string {
  const status = doc?.status === 'expired' ? '（该文件执行期已届满，请以现行政策为准）' : doc?.status === 'draft' ? '（该文件为征求意见稿，尚未正式施行）' : '';
  const body = r.text.replace(/^（[一二三四五六七八九十]+）/, '');
  return `根据《${r.docTitle}》${r.label}${r.docNumber ? `（${r.docNumber}）` : ''}：${body}${status}`;
}

let timer: number | undefined;
q.addEventListener('input', () => { clearTimeout(timer); timer = window.setTimeout(runSearch, 120); });
q.addEventListener('keydown', (e) => { if (e.key === 'Enter') { clearTimeout(timer); void runSearch(); } });
regionSelect.addEventListener('change', () => {
  for (const option of [...docSelect.options]) option.hidden = Boolean(option.value) && Boolean(regionSelect.value) && docById(option.value)?.region !== regionSelect.value;
  if (docSelect.selectedOptions[0]?.hidden) docSelect.value = '';
  void runSearch();
});
docSelect.addEventListener('change', () => void runSearch());

// ---- calculator
function inputsOf(rule: Rule): [key: string, label: string, kind: 'money' | 'number' | 'select', options?: { key: string; label: string }[]][] {
  const f = rule.formula;
  const list: ReturnType<typeof inputsOf> = [];
  if ((f.type === 'rate' || f.type === 'tiered') && f.basis) list.push([f.basis, BASIS_LABELS[f.basis] ?? f.basis, 'money']);
  if (f.type === 'area-month') list.push(['area', '面积（平方米）', 'number'], ['months', '月数', 'number']);
  if (f.type === 'per-head') for (const l of f.levels ?? []) list.push([l.key, `${l.label}人数`, 'number']);
  if (f.type === 'fixed') list.push(['level', '级别/类别', 'select', f.options ?? []]);
  if (f.type === 'fiscal-share') for (const c of f.components ?? []) list.push([c.key, c.label, 'money']);
  if (rule.threshold) list.push(['fixedAssetInvestment', '固定资产投资', 'money']);
  if (rule.modifiers.length) list.push(['enterpriseCategory', '企业类别', 'select', [{ key: '', label: '一般企业' }, ...rule.modifiers]]);
  return list;
}

function showFields(): void {
  const rule = rules.find((r) => r.id === ruleSelect.value);
  if (!rule) return;
  fields.replaceChildren(...inputsOf(rule).flatMap(([key, label, kind, options]) => {
    const id = `f-${key}`;
    const control = kind === 'select'
      ? h('select', { id, name: key, 'data-kind': kind }, ...(options ?? []).map((o) => h('option', { value: o.key }, o.label)))
      : h('input', { id, name: key, 'data-kind': kind, inputmode: kind === 'money' ? 'text' : 'numeric', placeholder: kind === 'money' ? '如 200万、2,000,000元' : '' });
    return [h('label', { for: id }, label), control];
  }));
}

async function calculate(): Promise<void> {
  const rule = rules.find((r) => r.id === ruleSelect.value);
  if (!rule) return;
  const inputs: Record<string, string | number> = {};
  for (const el of fields.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
    const value = el.value.trim();
    if (!value) continue;
    // Money goes as typed ("200万"): the server's quantity parser reads it; counts and areas go as numbers.
    inputs[el.name] = el.dataset.kind === 'number' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }
  try {
    const c = await api<Calculation>('/api/calculate', { method: 'POST', body: { ruleId: rule.id, inputs } });
    const doc = docById(rule.docId);
    calcResult.replaceChildren(
      h('p', { class: 'figure' }, `${c.upperBound ? '最高' : ''}${c.display}`),
      h('p', { class: 'muted' }, c.displayYuan),
      h('ol', {}, ...c.steps.map((s) => h('li', {}, s))),
      h('p', {}, `条件：${c.conditions.join('；')}`),
      h('ul', { class: 'muted' }, ...c.notes.map((n) => h('li', {}, n))),
    );
    const clause = await api<{ label: string }>(`/api/clauses/${encodeURIComponent(c.clauseId)}`);
    setScript(`根据《${doc?.title ?? rule.docId}》${clause.label}，${rule.subject}：${c.steps.join('；')}，${c.upperBound ? '最高可获' : '可获'}${c.display}。需满足：${c.conditions.join('、')}。${c.notes.at(-1) ?? ''}`);
  } catch (error) {
    calcResult.replaceChildren(h('p', { class: 'error', role: 'alert' }, error instanceof Error ? error.message : '计算失败'));
  }
}

ruleSelect.addEventListener('change', showFields);
$<HTMLFormElement>('calc-form').addEventListener('submit', (e) => { e.preventDefault(); void calculate(); });
$<HTMLButtonElement>('copy-script').addEventListener('click', async (e) => {
  const button = e.currentTarget as HTMLButtonElement;
  button.textContent = (await copyText(script.textContent ?? '')) ? '已复制' : '复制失败';
  setTimeout(() => { button.textContent = '复制话术'; }, 1500);
});

// ---- keyboard: / focuses search (unless typing elsewhere), Esc clears the focused field or the search
document.addEventListener('keydown', (e) => {
  const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
  if (e.key === '/' && !typing) { e.preventDefault(); q.focus(); q.select(); }
  if (e.key === 'Escape') {
    if (e.target instanceof HTMLInputElement && e.target !== q) { e.target.value = ''; return; }
    q.value = ''; results.replaceChildren(); searchStatus.textContent = ''; q.focus();
  }
});

async function init(): Promise<void> {
  const [docs, table] = await Promise.all([api<{ documents: DocumentSummary[] }>('/api/documents'), api<{ rules: Rule[] }>('/api/rules')]);
  documents = docs.documents;
  rules = table.rules;
  for (const region of [...new Set(documents.map((d) => d.region))]) regionSelect.append(h('option', { value: region }, region));
  for (const d of documents) docSelect.append(h('option', { value: d.id }, `${d.title}（${statusLabel(d.status)}）`));
  for (const r of rules) ruleSelect.append(h('option', { value: r.id }, `${docById(r.docId)?.region ?? ''} · ${r.subject}`));
  showFields();
  q.focus();
}
void init();
