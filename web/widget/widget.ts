// The chat widget: WeChat-style bubbles, answers streamed over /ws (HTTP fallback), citation and calculation cards,
// quick replies, copy and feedback; the conversation id is kept in localStorage so a reload continues it.
import { api, ApiFailure, type ChatCalculation, type ChatResponse, type Citation, type StoredTurn } from '../shared/api.js';
import { copyText, h } from '../shared/dom.js';

const STORAGE_KEY = 'jigai.conversationId';
const log = document.getElementById('messages') as HTMLElement;
const form = document.getElementById('composer') as HTMLFormElement;
const input = document.getElementById('message') as HTMLTextAreaElement;
const sendButton = document.getElementById('send') as HTMLButtonElement;
const status = document.getElementById('status') as HTMLElement;

let conversationId: string | null = localStorage.getItem(STORAGE_KEY);
let turnCount = 0;
let busy = false;

const time = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit' });
const scrollDown = () => log.scrollTo({ top: log.scrollHeight });

function row(side: 'out' | 'in', at: string, ...content: Node[]): HTMLElement {
  const el = h('li', { class: `row ${side}` },
    h('span', { class: 'avatar', 'aria-hidden': 'true' }, side === 'out' ? '我' : '策'),
    h('div', { class: 'stack' }, h('time', { datetime: at }, time(at)), ...content));
  log.append(el);
  scrollDown();
  return el;
}

function userBubble(text: string, at: string): void {
  row('out', at, h('div', { class: 'bubble', 'aria-label': '我说' }, text));
}

function citationCard(c: Citation): HTMLElement {
  return h('details', { class: 'card citation' },
    h('summary', {}, h('span', { class: 'doc' }, c.docTitle), c.docNumber ? h('span', { class: 'docno' }, c.docNumber) : null,
      h('span', { class: 'label' }, c.label)),
    h('blockquote', {}, c.text));
}

function calculationCard(c: ChatCalculation): HTMLElement {
  return h('section', { class: 'card calc', 'aria-label': '计算结果' },
    h('p', { class: 'figure' }, c.display),
    h('ol', { class: 'steps' }, ...c.steps.map((s) => h('li', {}, s))),
    c.capped ? h('p', { class: 'capped' }, '已按上限封顶') : null,
    h('ul', { class: 'notes' }, ...c.notes.map((n) => h('li', {}, n))));
}

function feedbackButtons(turnIndex: number, current: 'up' | 'down' | null): HTMLElement {
  const buttons: HTMLButtonElement[] = [];
  const make = (rating: 'up' | 'down', label: string, icon: string) => {
    const b = h('button', { type: 'button', class: 'icon', 'aria-label': label, 'aria-pressed': String(current === rating), 'data-rating': rating }, icon);
    b.addEventListener('click', async () => {
      if (!conversationId) return;
      try {
        await api('/api/feedback', { method: 'POST', body: { conversationId, turnIndex, rating } });
        for (const x of buttons) x.setAttribute('aria-pressed', String(x === b));
      } catch (error) {
        showStatus(error instanceof Error ? error.message : '反馈提交失败');
      }
    });
    buttons.push(b);
    return b;
  };
  return h('span', { class: 'feedback' }, make('up', '有帮助', '👍'), make('down', '没帮助', '👎'));
}

// Lines the cards below the bubble already show (steps, the quoted clause, caveats); the copy button keeps them.
const SHOWN_IN_CARDS = /^(计算|依据|提示)：/;
const condensed = (answer: string, hasCards: boolean) =>
  hasCards ? answer.split('\n').filter((line) => !SHOWN_IN_CARDS.test(line)).join('\n') : answer;

/** An assistant bubble that fills in as deltas arrive and gets its cards from the final payload. */
function assistantBubble(at: string) {
  const text = h('div', { class: 'answer' });
  let streamed = '';
  const bubble = h('div', { class: 'bubble', 'aria-live': 'polite' }, h('span', { class: 'typing', 'aria-label': '正在输入' }, h('i'), h('i'), h('i')), text);
  const el = row('in', at, bubble);
  return {
    append(piece: string) {
      bubble.querySelector('.typing')?.remove();
      streamed += piece;
      // Calculation answers begin with 可获/最高可获; their detail lines go to the cards as they stream in.
      text.textContent = condensed(streamed, /^(【|最高可获|可获|按不同地区)/.test(streamed));
      scrollDown();
    },
    fail(message: string) {
      bubble.querySelector('.typing')?.remove();
      bubble.classList.add('error');
      text.textContent = message;
    },
    /** `turnIndex` null: a greeting of the widget's own, which is not a stored turn (no copy, no feedback). */
    finish(reply: Pick<ChatResponse, 'answer' | 'citations' | 'calculation' | 'suggestions'>, turnIndex: number | null, rated: 'up' | 'down' | null, live: boolean) {
      bubble.querySelector('.typing')?.remove();
      const calcs = reply.calculation === null ? [] : Array.isArray(reply.calculation) ? reply.calculation : [reply.calculation];
      text.textContent = condensed(reply.answer, calcs.length > 0);
      const copy = h('button', { type: 'button', class: 'icon', 'aria-label': '复制回答' }, '复制');
      copy.addEventListener('click', async () => { copy.textContent = (await copyText(reply.answer)) ? '已复制' : '复制失败'; });
      bubble.after(
        ...calcs.map(calculationCard),
        ...reply.citations.map(citationCard),
        ...(turnIndex === null ? [] : [h('div', { class: 'tools' }, copy, feedbackButtons(turnIndex, rated))]),
      );
      if (live && reply.suggestions.length) {
        el.querySelector('.stack')?.append(h('div', { class: 'chips', role: 'group', 'aria-label': '快捷回复' },
          ...reply.suggestions.map((s) => h('button', { type: 'button', class: 'chip', onclick: () => send(s) }, s))));
      }
      scrollDown();
    },
  };
}

function showStatus(message: string): void {
  status.textContent = message;
  setTimeout(() => { if (status.textContent === message) status.textContent = ''; }, 6000);
}

// ---- transport: WebSocket with HTTP fallback
let socket: WebSocket | null = null;
let pending: { bubble: ReturnType<typeof assistantBubble>; message: string; settle: () => void } | null = null;

function connect(): void {
  const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`);
  ws.addEventListener('message', (event) => {
    const data = JSON.parse(String(event.data)) as { type: string; text?: string; code?: string; message?: string } & Partial<ChatResponse>;
    if (!pending) return;
    if (data.type === 'delta' && data.text) pending.bubble.append(data.text);
    if (data.type === 'final') received(data as ChatResponse, pending.bubble);
    if (data.type === 'error') {
      if (data.code === 'conversation_not_found' || data.code === 'conversation_full') forget();
      pending.bubble.fail(`出错了：${data.message ?? data.code ?? ''}`);
    }
    if (data.type === 'final' || data.type === 'error') { const p = pending; pending = null; p.settle(); }
  });
  ws.addEventListener('close', () => {
    socket = null;
    // An answer the socket never delivered is asked again over HTTP.
    if (pending) { const p = pending; pending = null; viaHttp(p.message, p.bubble).finally(p.settle); }
    setTimeout(connect, 3000);
  });
  ws.addEventListener('open', () => { socket = ws; });
}

function received(reply: ChatResponse, bubble: ReturnType<typeof assistantBubble>): void {
  conversationId = reply.conversationId;
  localStorage.setItem(STORAGE_KEY, conversationId);
  bubble.finish(reply, turnCount, null, true);
  turnCount += 1;
}

async function viaHttp(message: string, bubble: ReturnType<typeof assistantBubble>): Promise<void> {
  try {
    const reply = await api<ChatResponse>('/api/chat', { method: 'POST', body: { message, conversationId: conversationId ?? undefined } });
    received(reply, bubble);
  } catch (error) {
    if (error instanceof ApiFailure && (error.code === 'conversation_not_found' || error.code === 'conversation_full')) forget();
    bubble.fail(`出错了：${error instanceof Error ? error.message : '网络异常'}`);
  }
}

function forget(): void {
  conversationId = null;
  turnCount = 0;
  localStorage.removeItem(STORAGE_KEY);
}

async function send(text: string): Promise<void> {
  const message = text.trim();
  if (!message || busy) return;
  if (message.length > 2000) { showStatus('消息最多2000字'); return; }
  busy = true;
  sendButton.disabled = true;
  document.querySelectorAll('.chips').forEach((c) => c.remove());
  const now = new Date().toISOString();
  userBubble(message, now);
  input.value = '';
  const bubble = assistantBubble(now);
  await new Promise<void>((settle) => {
    if (socket && socket.readyState === WebSocket.OPEN) {
      pending = { bubble, message, settle };
      socket.send(JSON.stringify({ type: 'message', message, conversationId: conversationId ?? undefined }));
    } else {
      viaHttp(message, bubble).finally(settle);
    }
  });
  busy = false;
  sendButton.disabled = false;
  input.focus();
}

async function restore(): Promise<void> {
  if (!conversationId) {
    const bubble = assistantBubble(new Date().toISOString());
    bubble.finish({ answer: '您好，我是技改政策助手。可以问补贴怎么算、条款怎么规定，例如“买台200万的工作母机能补多少”。', citations: [], calculation: null,
      suggestions: ['买台200万的工作母机能补多少', '东源买设备怎么补', '中山和东源买500万设备各补多少', '六安的六化指什么'] }, null, null, true);
    return;
  }
  try {
    // The latest page of turns; turnCount counts them all, so new turns get their true numbers for feedback.
    const stored = await api<{ turns: StoredTurn[]; turnCount: number }>(`/api/conversations/${encodeURIComponent(conversationId)}`);
    for (const t of stored.turns) {
      userBubble(t.message, t.at);
      assistantBubble(t.at).finish(t, t.turnIndex, t.feedback?.rating ?? null, t.turnIndex === stored.turnCount - 1);
    }
    turnCount = stored.turnCount;
  } catch {
    forget();
    await restore();
  }
}

form.addEventListener('submit', (event) => { event.preventDefault(); void send(input.value); });
input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) { event.preventDefault(); void send(input.value); }
});
document.getElementById('new-chat')?.addEventListener('click', () => { forget(); log.replaceChildren(); void restore(); });
connect();
void restore();
