import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { apiError } from './errors.js';

interface Asset {
  body: string;
  type: string;
}

/** Bundles the web entry points in memory (esbuild, ~50 ms): no build step, no CDN, nothing fetched at run time. */
async function bundle(webDir: string): Promise<Map<string, Asset>> {
  const entries = { 'widget.js': 'widget/widget.ts', 'console.js': 'console/console.ts', 'embed.js': 'embed.ts' };
  const result = await build({
    entryPoints: Object.fromEntries(Object.entries(entries).map(([out, src]) => [out.replace(/\.js$/, ''), join(webDir, src)])),
    bundle: true, minify: true, format: 'iife', target: 'es2020', write: false, outdir: 'out', logLevel: 'silent',
  });
  const assets = new Map<string, Asset>();
  for (const file of result.outputFiles) assets.set(file.path.split('/').pop() ?? '', { body: file.text, type: 'text/javascript; charset=utf-8' });
  for (const css of ['widget/widget.css', 'console/console.css']) {
    assets.set(css.split('/').pop() ?? '', { body: readFileSync(join(webDir, css), 'utf8'), type: 'text/css; charset=utf-8' });
  }
  return assets;
}

/** The widget at /, the hotline console at /console, their assets, and /embed.js for other sites. */
export async function webRoutes(app: FastifyInstance, options: { webDir: string }): Promise<void> {
  const assets = await bundle(options.webDir);
  const page = (file: string) => readFileSync(join(options.webDir, file), 'utf8');
  const pages = { widget: page('widget/index.html'), console: page('console/index.html') };
  app.get('/', async (_request, reply) => reply.type('text/html; charset=utf-8').send(pages.widget));
  app.get('/console', async (_request, reply) => reply.type('text/html; charset=utf-8').send(pages.console));
  const sendAsset = (name: string, reply: FastifyReply) => {
    const asset = assets.get(name);
    if (!asset) throw apiError('not_found', 'no such asset');
    return reply.type(asset.type).header('cache-control', 'no-cache').send(asset.body);
  };
  app.get('/assets/:name', async (request, reply) => sendAsset((request.params as { name: string }).name, reply));
  app.get('/embed.js', async (_request, reply) => sendAsset('embed.js', reply));
}
