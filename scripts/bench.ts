// npm run bench: in-process answer latency, HTTP throughput (autocannon), 500 concurrent WebSocket conversations,
// server RSS and cold start to /readyz. Prints a table and writes BENCH.md. Figures, not pass/fail.
import http from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { writeBenchSection } from './bench-report.js';
import os from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import WebSocket from 'ws';
import { createChatService, openPolicyCore } from '../src/app.js';
import { InMemoryConversationStore } from '../src/assistant/conversation.js';
import { readConfig } from '../src/config.js';
import { readGoldenCases } from '../evals/golden.js';
import { percentile } from './percentiles.js';
import { startServerProcess } from './server-process.js';

const ms = (v: number) => `${v.toFixed(1)} ms`;
const rows: [string, string][] = [];
const record = (name: string, value: string) => { rows.push([name, value]); console.log(`${name.padEnd(52)} ${value}`); };
const cases = readGoldenCases('evals/cases/dev.jsonl');
const questions = cases.map((c) => c.turns.at(-1) ?? '').filter(Boolean);

// ---- 1. in-process: the chat service over every golden conversation
{
  const config = readConfig({ ...process.env, STORE: 'memory' });
  const core = await openPolicyCore(config, () => {});
  const service = createChatService(core, new InMemoryConversationStore());
  const pass = async () => {
    const samples: number[] = [];
    for (const c of cases) {
      let conversationId: string | undefined;
      for (const message of c.turns) {
        const started = performance.now();
        conversationId = (await service.chat({ message, conversationId })).conversationId;
        samples.push(performance.now() - started);
      }
    }
    return samples;
  };
  const first = await pass();
  const repeated = [...(await pass()), ...(await pass()), ...(await pass())];
  record(`in-process answer, first pass (${first.length} turns)`, `p50 ${ms(percentile(first, 50))} · p95 ${ms(percentile(first, 95))} · p99 ${ms(percentile(first, 99))}`);
  record(`in-process answer, repeated (${repeated.length} turns)`, `p50 ${ms(percentile(repeated, 50))} · p95 ${ms(percentile(repeated, 95))} · p99 ${ms(percentile(repeated, 99))}`);
}

// ---- a real server process (SQLite store; the per-IP rate limit and connection caps off: all load comes from one address)
const dataDir = mkdtempSync(join(os.tmpdir(), 'bench-data-'));
async function startServer(): Promise<{ url: string; pid: number; stop: () => Promise<void>; readyMs: number }> {
  const started = performance.now();
  const { child, url } = await startServerProcess({ DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0', WS_MESSAGES_PER_MINUTE: '1000',
    CONNECTIONS_PER_IP: '0', WS_CONNECTIONS_PER_IP: '0' });
  while ((await fetch(`${url}/readyz`).catch(() => null))?.status !== 200) await new Promise((r) => setTimeout(r, 10));
  // Stopping waits for the exit: the next server on this DATA_DIR needs the store lock the old one holds until then.
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { url, pid: child.pid ?? 0, stop: async () => { child.kill('SIGTERM'); await exited; }, readyMs: performance.now() - started };
}
const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

// ---- 2. cold start with a persisted index (the first start above builds it when missing)
const warmup = await startServer();
await warmup.stop();
const server = await startServer();
record('cold start to /readyz (persisted index)', ms(server.readyMs));

// ---- 3. HTTP: 50 keep-alive clients for 20 s
let i = 0;
const load = await autocannon({
  url: server.url, connections: 50, duration: 20,
  requests: [{ method: 'POST', path: '/api/chat', headers: { 'content-type': 'application/json' },
    setupRequest: (req) => ({ ...req, body: JSON.stringify({ message: questions[i++ % questions.length] }) }) }],
});
record('/api/chat, 50 connections × 20 s: throughput', `${load.requests.average.toFixed(0)} req/s (${load.requests.total} requests)`);
record('/api/chat latency', `p50 ${load.latency.p50} ms · p97.5 ${load.latency.p97_5} ms · p99 ${load.latency.p99} ms`);
record('/api/chat errors / non-2xx', `${load.errors} / ${load.non2xx}`);
// The target's own terms: 300 req/s arriving evenly (open loop, not autocannon's once-a-second bursts) over 50
// keep-alive connections; what latency does each request see?
{
  const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
  const { hostname, port } = new URL(server.url);
  const post = (message: string) => new Promise<number>((resolve, reject) => {
    const started = performance.now();
    const req = http.request({ agent, hostname, port, path: '/api/chat', method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(String(res.statusCode)))));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ message }));
  });
  const samples: Promise<number>[] = [];
  const started = performance.now();
  for (let n = 0; n < 3000; n += 1) {
    const due = started + (n * 1000) / 300;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    samples.push(post(questions[n % questions.length] ?? '你好'));
  }
  const settled = await Promise.allSettled(samples);
  const latencies = settled.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const seconds = (performance.now() - started) / 1000;
  record('/api/chat at 300 req/s evenly paced (50 keep-alive connections, 10 s)', `${(latencies.length / seconds).toFixed(0)} req/s · p50 ${ms(percentile(latencies, 50))} · p99 ${ms(percentile(latencies, 99))} · errors ${settled.length - latencies.length}`);
  agent.destroy();
}
record('server RSS after warm-up and load', `${rssOf(server.pid).toFixed(0)} MB`);

// ---- 4. 500 concurrent WebSocket conversations, two turns each
{
  const wsUrl = `${server.url.replace('http', 'ws')}/ws`;
  let errors = 0;
  const firstDelta: number[] = [];
  const conversation = (n: number) => new Promise<void>((resolve) => {
    const socket = new WebSocket(wsUrl);
    const turns = [questions[n % questions.length] ?? '你好', '需要什么条件？'];
    let sentAt = 0;
    let gotDelta = false;
    let conversationId: string | undefined;
    const sendNext = () => {
      const message = turns.shift();
      if (!message) { socket.close(); return; }
      sentAt = performance.now();
      gotDelta = false;
      socket.send(JSON.stringify({ type: 'message', message, conversationId }));
    };
    socket.on('open', sendNext);
    socket.on('message', (raw: Buffer) => {
      const event = JSON.parse(raw.toString()) as { type: string; conversationId?: string };
      if (event.type === 'delta' && !gotDelta) { gotDelta = true; firstDelta.push(performance.now() - sentAt); }
      if (event.type === 'error') { errors += 1; socket.close(); }
      if (event.type === 'final') { conversationId = event.conversationId; sendNext(); }
    });
    socket.on('error', () => { errors += 1; resolve(); });
    socket.on('close', () => resolve());
  });
  const started = performance.now();
  await Promise.all(Array.from({ length: 500 }, (_, n) => conversation(n)));
  record('500 concurrent WebSocket conversations (2 turns)', `${firstDelta.length} answers in ${ms(performance.now() - started)}, ${errors} errors`);
  record('WebSocket first-delta time', `p50 ${ms(percentile(firstDelta, 50))} · p99 ${ms(percentile(firstDelta, 99))}`);
  record('server RSS after WebSocket run', `${rssOf(server.pid).toFixed(0)} MB`);
}
await server.stop();

const machine = `${os.cpus().length} cores (${os.cpus()[0]?.model.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB memory, Node ${process.version}`;
writeBenchSection('bench', [
  `Latest \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${machine}.`, '',
  '| measure | result |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`), '',
  'Targets: in-process p50 ≤ 10 ms and p99 ≤ 30 ms; ≥ 300 req/s at p99 ≤ 100 ms over HTTP; 500 WebSocket conversations with zero errors; cold start ≤ 3 s with a persisted index.',
  'The load generator runs on the same 2 cores as the server, so HTTP figures are a floor.',
]);
console.log(`\n${machine}\nwritten BENCH.md`);
