/**
 * A small Prometheus registry: the portal needs a handful of counters and one histogram, not
 * a metrics library. Label values are route patterns and codes, never ids or personal data.
 */
type Labels = Record<string, string>;

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class PortalMetrics {
  private readonly counters = new Map<string, { help: string; values: Map<string, number> }>();
  private readonly latency = new Map<string, { buckets: number[]; sum: number; count: number }>();

  constructor() {
    this.define('portal_http_requests_total', 'HTTP requests by route and status.');
    this.define('portal_push_batches_total', 'Push batches applied.');
    this.define('portal_push_changes_total', 'Pushed changes by result status.');
    this.define('portal_pull_pages_total', 'Pull pages served.');
    this.define('portal_pull_records_total', 'Records sent by pull.');
    this.define('portal_attachment_bytes_total', 'Attachment bytes received.');
    this.define('portal_charter_contributions_total', 'Online charter contributions received, by whether the post created the record.');
  }

  private define(name: string, help: string): void {
    this.counters.set(name, { help, values: new Map() });
  }

  inc(name: string, labels: Labels = {}, by = 1): void {
    const counter = this.counters.get(name);
    if (!counter) throw new Error(`unknown metric ${name}`);
    const key = labelText(labels);
    counter.values.set(key, (counter.values.get(key) ?? 0) + by);
  }

  observeRequest(route: string, method: string, status: number, seconds: number): void {
    this.inc('portal_http_requests_total', { route, method, status: String(status) });
    const key = labelText({ route, method });
    const entry = this.latency.get(key) ?? { buckets: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 };
    LATENCY_BUCKETS.forEach((le, i) => {
      if (seconds <= le) entry.buckets[i]! += 1;
    });
    entry.sum += seconds;
    entry.count += 1;
    this.latency.set(key, entry);
  }

  /** The Prometheus text exposition format, version 0.0.4. */
  render(): string {
    const lines: string[] = [];
    for (const [name, { help, values }] of this.counters) {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
      for (const [labels, value] of values) lines.push(`${name}${labels} ${value}`);
    }
    const hist = 'portal_http_request_duration_seconds';
    lines.push(`# HELP ${hist} Request latency by route.`, `# TYPE ${hist} histogram`);
    for (const [labels, entry] of this.latency) {
      const inner = labels.slice(1, -1);
      LATENCY_BUCKETS.forEach((le, i) => lines.push(`${hist}_bucket{${inner},le="${le}"} ${entry.buckets[i]}`));
      lines.push(`${hist}_bucket{${inner},le="+Inf"} ${entry.count}`);
      lines.push(`${hist}_sum${labels} ${entry.sum}`, `${hist}_count${labels} ${entry.count}`);
    }
    return `${lines.join('\n')}\n`;
  }
}

function labelText(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}
