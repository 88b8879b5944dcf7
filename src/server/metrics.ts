import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The server's Prometheus metrics, in a registry of its own (several servers can live in one test process). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    requests: new Counter({ name: 'http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers: [registry] }),
    latency: new Histogram({ name: 'http_request_duration_seconds', help: 'HTTP request latency', labelNames: ['method', 'route'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry] }),
    intents: new Counter({ name: 'chat_intents_total', help: 'Answered chat turns by intent', labelNames: ['intent', 'channel'], registers: [registry] }),
    errors: new Counter({ name: 'api_errors_total', help: 'Error responses by code', labelNames: ['code'], registers: [registry] }),
    wsConnections: new Gauge({ name: 'websocket_connections', help: 'Open WebSocket connections', registers: [registry] }),
    connectionsRefused: new Counter({ name: 'connections_refused_total', help: 'TCP connections closed at once, by the cap they were over',
      labelNames: ['cap'], registers: [registry] }),
    llmVerdicts: new Counter({ name: 'llm_answers_total', help: 'LLM-mode answers used or rejected, by reason', labelNames: ['outcome'], registers: [registry] }),
  };
}
export type ServerMetrics = ReturnType<typeof createMetrics>;
