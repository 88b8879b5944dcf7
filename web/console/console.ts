// The hotline console: instant clause search with highlighted terms and region/document filters, a calculator over
// the rules table, and a read-aloud script with the clause reference. Keyboard-first: / search, Enter run, Esc clear.
import { api, type Calculation, type RulesResponse, type SubsidyRule } from '../shared/api.js';
import { copyText, h, highlighted } from '../shared/dom.js';
import { fieldValue, formFields, type FieldControl, type FormField } from './rule-form.js';

interface DocumentSummary { id: string; title: string; shortTitle?: string; docNumber: string | null; region: string; status: string }
interface SearchResult { clauseId: string; docId: string; docTitle: string; docNumber: string | null; label: string; title: string; text: string; score: number; matchedTerms: string[] }

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

let documents: DocumentSummary[] = [];
let rules: SubsidyRule[] = [];
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

// ---- calculator: the form is the rule row's inputs (see rule-form.ts); the server computes.
const INPUT_ATTRIBUTES: Record<Exclude<FieldControl, 'select'>, Record<string, string>> = {
  text: { type: 'text', inputmode: 'text' },
  decimal: { type: 'number', inputmode: 'decimal', min: '0', step: 'any' },
  integer: { type: 'number', inputmode: 'numeric', min: '0', step: '1' },
};

let shownFields: { field: FormField; control: HTMLInputElement | HTMLSelectElement }[] = [];

function showFields(): void {
  const rule = rules.find((r) => r.id === ruleSelect.value);
  if (!rule) return;
  shownFields = formFields(rule).map((field) => {
    const common = { id: `f-${field.key}`, name: field.key, 'data-dimension': field.dimension, required: field.required };
    const control = field.control === 'select'
      ? h('select', common, ...field.choices.map((c) => h('option', { value: c.key }, c.label)))
      : h('input', { ...common, ...INPUT_ATTRIBUTES[field.control], placeholder: field.placeholder, autocomplete: 'off' });
    return { field, control };
  });
  fields.replaceChildren(...shownFields.flatMap(({ field, control }) => [
    h('label', { for: control.id, class: field.required && 'required' }, field.label), control]));
}

async function calculate(): Promise<void> {
  const rule = rules.find((r) => r.id === ruleSelect.value);
  if (!rule) return;
  const inputs: Record<string, string | number> = {};
  for (const { field, control } of shownFields) {
    const value = fieldValue(field.control, control.value);
    if (value !== undefined) inputs[field.key] = value;
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
  const [docs, table] = await Promise.all([api<{ documents: DocumentSummary[] }>('/api/documents'), api<RulesResponse>('/api/rules')]);
  documents = docs.documents;
  rules = table.rules;
  for (const region of [...new Set(documents.map((d) => d.region))]) regionSelect.append(h('option', { value: region }, region));
  for (const d of documents) docSelect.append(h('option', { value: d.id }, `${d.title}（${statusLabel(d.status)}）`));
  for (const r of rules) ruleSelect.append(h('option', { value: r.id }, `${docById(r.docId)?.region ?? ''} · ${r.subject}`));
  showFields();
  q.focus();
}
void init();
