import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/server.js';
import { sharedCore } from '../helpers.js';

// Debian's Chromium, driven by playwright-core (nothing downloaded); see ../shared/NOTES.md.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SHOTS = 'screenshots';

let app: FastifyInstance;
let base: string;
let host: Server;
let hostOrigin: string;
let context: BrowserContext;

beforeAll(async () => {
  // A plain third-party page that embeds the widget with one script tag.
  host = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="zh-CN"><head><title>某园区官网</title></head><body><h1>园区服务</h1><p>欢迎咨询技改政策。</p><script src="${base}/embed.js"></script></body></html>`);
  });
  await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
  hostOrigin = `http://127.0.0.1:${(host.address() as { port: number }).port}`;
  app = await buildServer(await sharedCore(), { limits: { corsOrigins: [hostOrigin] } });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
  mkdirSync(SHOTS, { recursive: true });
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chromium-')), { executablePath: CHROMIUM, args: ARGS, viewport: { width: 375, height: 740 }, deviceScaleFactor: 2 });
}, 60_000);

afterAll(async () => {
  await context?.close();
  await app?.close();
  host?.close();
});

async function ask(page: Page, message: string): Promise<void> {
  const before = await page.locator('.row.in').count();
  await page.fill('#message', message);
  await page.press('#message', 'Enter');
  await page.locator('.row.in').nth(before).locator('.tools').waitFor({ timeout: 15_000 });
}

describe('chat widget in Chromium', () => {
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    page = await context.newPage();
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await page.goto(base);
  });

  it('answers the 工作母机 question with 30万元 and a citation card that expands to the verbatim clause', async () => {
    await ask(page, '买台200万的工作母机能补多少');
    const answer = page.locator('.row.in').last();
    await expect(answer.locator('.calc .figure').textContent()).resolves.toBe('30万元');
    const card = answer.locator('details.citation').first();
    await expect(card.locator('.label').textContent()).resolves.toBe('四、（三）');
    expect(await card.locator('blockquote').isVisible()).toBe(false);
    await card.locator('summary').click();
    expect(await card.locator('blockquote').isVisible()).toBe(true);
    expect(await card.locator('blockquote').textContent()).toContain('按不超过购买价格的15%给予补助');
    expect(await answer.locator('.chip').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SHOTS, 'widget-mobile.png'), fullPage: false });
  });

  it('carries a follow-up turn, then compares two regions side by side', async () => {
    await ask(page, '那我买了400万的呢？');
    expect(await page.locator('.row.in').last().locator('.calc .figure').textContent()).toBe('60万元');
    await ask(page, '中山和东源买500万设备各补多少');
    const figures = await page.locator('.row.in').last().locator('.calc .figure').allTextContents();
    // 中山 设备 read as the conversation has read it (工作母机库 15%, computed twice before), then 东源.
    expect(figures).toEqual(['75万元', '100万元']);
  });

  it('stores a thumbs-up on the server', async () => {
    const last = page.locator('.row.in').last();
    await last.getByRole('button', { name: '有帮助' }).click();
    await expect.poll(() => last.getByRole('button', { name: '有帮助' }).getAttribute('aria-pressed')).toBe('true');
    const id = await page.evaluate(() => localStorage.getItem('jigai.conversationId'));
    const stored = await (await fetch(`${base}/api/conversations/${id}`)).json() as { turns: { feedback: { rating: string } | null }[] };
    expect(stored.turns.at(-1)?.feedback?.rating).toBe('up');
  });

  it('shows an XSS attempt as text: no element, no script', async () => {
    const attack = '<img src=x onerror=alert(1)>';
    await ask(page, attack);
    expect(await page.locator('.row.out .bubble').last().textContent()).toBe(attack);
    expect(await page.locator('.messages img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('keeps the conversation across a reload', async () => {
    const turns = await page.locator('.row.out').count();
    await page.reload();
    await page.locator('.row.out').nth(turns - 1).waitFor();
    expect(await page.locator('.row.out').count()).toBe(turns);
    expect(await page.locator('.calc .figure').first().textContent()).toBe('30万元');
    expect(await page.getByRole('button', { name: '有帮助' }).nth(2).getAttribute('aria-pressed')).toBe('true');
    // …and continues it: the next follow-up still knows the subject.
    await ask(page, '换成东源呢？');
    expect(await page.locator('.row.in').last().locator('.calc .figure').count()).toBeGreaterThan(0);
  });

  it('falls back to HTTP when the WebSocket is unavailable', async () => {
    const fallback = await context.newPage();
    await fallback.routeWebSocket(/\/ws$/, (ws) => ws.close());
    await fallback.goto(base);
    await fallback.getByRole('button', { name: '新对话' }).click();
    await ask(fallback, '东源买设备100万补多少');
    expect(await fallback.locator('.row.in').last().locator('.calc .figure').textContent()).toBe('20万元');
    await fallback.close();
  });

  it('renders comfortably on desktop', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: join(SHOTS, 'widget-desktop.png') });
    const width = await page.locator('.chat').evaluate((el) => el.getBoundingClientRect().width);
    expect(width).toBeLessThanOrEqual(720);
  });
});

describe('hotline console in Chromium', () => {
  it('finds 四、（三） as the agent types, with highlighted terms, and the calculator gives 30万元', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/console`);
    await page.locator('#rule option').first().waitFor({ state: 'attached' });
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('q');
    await page.keyboard.type('工作母机 补助');
    const first = page.locator('#results li').first();
    await first.waitFor();
    expect(await first.locator('.ref').textContent()).toBe('四、（三）');
    expect(await first.locator('mark').allTextContents()).toContain('工作母机');
    expect(await page.locator('#q').inputValue()).toBe('工作母机 补助');
    await first.click();
    expect(await page.locator('#script').textContent()).toContain('四、（三）');

    await page.selectOption('#rule', 'zs2018-machine-tool');
    await page.fill('#f-purchasePrice', '200万');
    await page.press('#f-purchasePrice', 'Enter');
    await page.locator('#calc-result .figure').waitFor();
    expect(await page.locator('#calc-result .figure').textContent()).toContain('30万元');
    // The read-out script follows the figure; under load it can render a moment after it.
    await expect.poll(() => page.locator('#script').textContent()).toMatch(/四、（三）[\s\S]*30万元/);
    await page.screenshot({ path: join(SHOTS, 'console-desktop.png') });

    await page.locator('#q').focus();
    await page.keyboard.press('Escape');
    expect(await page.locator('#q').inputValue()).toBe('');
    expect(await page.locator('#results li').count()).toBe(0);
    await page.close();
  });
});

describe('console calculator form from the rules rows', () => {
  interface RuleRow { id: string; inputs: { key: string; label: string; required: boolean }[] }
  interface ApiCalculation { display: string; upperBound: boolean; steps: string[] }
  let page: Page;
  let rows: RuleRow[];

  beforeAll(async () => {
    rows = ((await (await fetch(`${base}/api/rules`)).json()) as { rules: RuleRow[] }).rules;
    page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${base}/console`);
    await page.locator('#rule option').first().waitFor({ state: 'attached' });
  });
  afterAll(async () => { await page.close(); });

  /** Fills the console's form for a rule (text by id, choices by key), submits, and asks the API the same question. */
  async function sameAsApi(ruleId: string, typed: Record<string, string>, chosen: Record<string, string>, inputs: Record<string, string | number>) {
    await page.selectOption('#rule', ruleId);
    const row = rows.find((r) => r.id === ruleId);
    expect(await page.locator('#fields label').allTextContents()).toEqual(row?.inputs.map((i) => i.label));
    expect(await page.locator('#fields label.required').allTextContents()).toEqual(row?.inputs.filter((i) => i.required).map((i) => i.label));
    for (const [key, value] of Object.entries(typed)) await page.fill(`#f-${key}`, value);
    for (const [key, value] of Object.entries(chosen)) await page.selectOption(`#f-${key}`, value);
    const before = await page.locator('#calc-result').textContent();
    await page.getByRole('button', { name: '计算' }).click();
    await expect.poll(() => page.locator('#calc-result').textContent()).not.toBe(before);
    const response = await fetch(`${base}/api/calculate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ruleId, inputs }) });
    expect(response.status).toBe(200);
    const api = (await response.json()) as ApiCalculation;
    expect(await page.locator('#calc-result .figure').textContent()).toBe(`${api.upperBound ? '最高' : ''}${api.display}`);
    expect(await page.locator('#calc-result ol li').allTextContents()).toEqual(api.steps);
    return api;
  }

  it('zs2018-platform-rent: area, months and rent fields with the row\'s labels; 2000平方米 × 40元 × 12个月 as the API computes it', async () => {
    const api = await sameAsApi('zs2018-platform-rent', { area: '2000', months: '12', monthlyRentPerSquareMetre: '40元/平方米/月' }, {},
      { area: 2000, months: 12, monthlyRentPerSquareMetre: '40元/平方米/月' });
    expect(api.display).toBe('96万元');
    expect(await page.locator('#f-area').getAttribute('type')).toBe('number');
    expect(await page.locator('#f-area').getAttribute('placeholder')).toBe('如 1000平方米、5000平方米');
    expect(await page.locator('#f-area').getAttribute('required')).not.toBeNull();
  });

  it('zs2018-quality-award: a required 类别 select of the award\'s options; 中国质量奖提名奖 as the API computes it', async () => {
    await page.selectOption('#rule', 'zs2018-quality-award');
    expect(await page.locator('#f-level option').allTextContents()).toEqual(['请选择类别', '中国质量奖', '中国质量奖提名奖', '广东省政府质量奖', '中山市政府质量奖']);
    const api = await sameAsApi('zs2018-quality-award', {}, { level: 'china-nomination' }, { level: 'china-nomination' });
    expect(api.display).toBe('150万元');
  });

  it('luan-smart-factory: level, money and text fields; the 信息化 exemption from the 200万 threshold as the API computes it', async () => {
    const api = await sameAsApi('luan-smart-factory', { fixedAssetInvestment: '150万', projectType: '信息化' }, { level: 'city' },
      { level: 'city', fixedAssetInvestment: '150万', projectType: '信息化' });
    expect(api.display).toBe('20万元');
  });
});

describe('accessibility basics', () => {
  it.each(['/', '/console'])('%s: every control has a label or name, the page a language and a heading', async (path) => {
    const page = await context.newPage();
    await page.goto(`${base}${path}`);
    await page.waitForLoadState('networkidle');
    const problems = await page.evaluate(() => {
      const found: string[] = [];
      if (!document.documentElement.lang) found.push('no lang');
      if (!document.querySelector('h1')) found.push('no h1');
      for (const el of document.querySelectorAll<HTMLElement>('input, select, textarea')) {
        const labelled = (el.id && document.querySelector(`label[for="${el.id}"]`)) || el.getAttribute('aria-label');
        if (!labelled) found.push(`unlabelled ${el.tagName} ${el.id}`);
      }
      for (const b of document.querySelectorAll<HTMLElement>('button')) {
        if (!(b.textContent?.trim() || b.getAttribute('aria-label'))) found.push('unnamed button');
      }
      return found;
    });
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('embed snippet on a plain host page', () => {
  it('adds a floating button that opens the widget, which answers', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(hostOrigin);
    const button = page.getByRole('button', { name: '打开技改政策助手' });
    await button.click();
    const frame = page.frameLocator('iframe[title="技改政策助手"]');
    // Same origin as the full page, so the frame continues the stored conversation; start a new one.
    await frame.getByRole('button', { name: '新对话' }).click();
    await frame.locator('#message').fill('买台200万的工作母机能补多少');
    await frame.locator('#message').press('Enter');
    await frame.locator('.calc .figure').waitFor({ timeout: 15_000 });
    expect(await frame.locator('.calc .figure').textContent()).toBe('30万元');
    await page.screenshot({ path: join(SHOTS, 'embed-host-page.png') });
    await page.close();
  });
});
