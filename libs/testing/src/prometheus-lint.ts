/**
 * The checks of `promtool check metrics` (client_golang's promlint plus the text-format parser),
 * so a test can hold /metrics to them without the Prometheus Debian package. Returns one line per
 * problem, `<metric> <problem>`, in promtool's words; an empty list is a pass.
 */

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
// Go's ParseFloat, which promtool uses: NaN and Inf in any case (prom-client writes "Nan").
const VALUE = /^(?:[+-]?(?:\d+\.?\d*(?:e[+-]?\d+)?|\.\d+(?:e[+-]?\d+)?)|nan|[+-]?inf(?:inity)?)$/i;
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: (-?\d+))?$/;
const LABEL_PAIR = /\s*([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"\s*(?:,|$)/y;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const UNIT_ABBREVIATIONS = ['s', 'ms', 'us', 'ns', 'sec', 'b', 'kb', 'mb', 'gb', 'tb', 'pb', 'm', 'h', 'd'];
const NON_BASE_UNITS: Record<string, string> = {
  milliseconds: 'seconds',
  microseconds: 'seconds',
  nanoseconds: 'seconds',
  minutes: 'seconds',
  hours: 'seconds',
  days: 'seconds',
  kilobytes: 'bytes',
  megabytes: 'bytes',
  gigabytes: 'bytes',
  bits: 'bytes',
  celsius: 'celsius',
  percent: 'ratio',
};

interface Family {
  type?: string;
  help?: string;
  samples: { name: string; labels: Record<string, string>; value: number }[];
}

function familyOf(sample: string, families: Map<string, Family>): string {
  for (const suffix of ['_bucket', '_count', '_sum', '']) {
    if (!sample.endsWith(suffix)) continue;
    const base = sample.slice(0, sample.length - suffix.length);
    const type = families.get(base)?.type;
    if (suffix === '' || type === 'histogram' || type === 'summary') if (families.has(base)) return base;
  }
  return sample;
}

function parseLabels(text: string | undefined): Record<string, string> | string {
  const labels: Record<string, string> = {};
  if (!text) return labels;
  LABEL_PAIR.lastIndex = 0;
  while (LABEL_PAIR.lastIndex < text.length) {
    const match = LABEL_PAIR.exec(text);
    if (!match) return `cannot parse labels {${text}}`;
    if (match[1] in labels) return `duplicate label ${match[1]}`;
    labels[match[1]] = match[2];
  }
  return labels;
}

export function lintPrometheusText(text: string): string[] {
  const problems: string[] = [];
  const families = new Map<string, Family>();
  const closed = new Set<string>();
  const seen = new Set<string>();
  let current: string | undefined;
  const enter = (name: string): Family => {
    if (name !== current) {
      if (current) closed.add(current);
      if (closed.has(name)) problems.push(`${name} second appearance of the metric family (its lines must be together)`);
      current = name;
    }
    let family = families.get(name);
    if (!family) families.set(name, (family = { samples: [] }));
    return family;
  };

  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const meta = /^#\s+(HELP|TYPE)\s+(\S+)(?:\s(.*))?$/.exec(line);
    if (meta) {
      const [, kind, name, rest = ''] = meta;
      if (!NAME.test(name)) problems.push(`${name} invalid metric name`);
      const family = enter(name);
      if (kind === 'HELP') {
        if (family.help !== undefined) problems.push(`${name} second HELP line`);
        family.help = rest;
      } else {
        if (family.type !== undefined) problems.push(`${name} second TYPE line`);
        if (family.samples.length) problems.push(`${name} TYPE line after its samples`);
        if (!TYPES.has(rest)) problems.push(`${name} unknown metric type "${rest}"`);
        family.type = rest;
      }
      continue;
    }
    if (line.startsWith('#')) continue;
    const sample = SAMPLE.exec(line);
    if (!sample) {
      problems.push(`cannot parse the line "${line}"`);
      continue;
    }
    const [, name, labelText, valueText] = sample;
    const labels = parseLabels(labelText);
    if (typeof labels === 'string') {
      problems.push(`${name} ${labels}`);
      continue;
    }
    if (!VALUE.test(valueText)) problems.push(`${name} invalid value "${valueText}"`);
    const key = `${name}{${Object.entries(labels)
      .sort()
      .map(([k, v]) => `${k}="${v}"`)
      .join(',')}}`;
    if (seen.has(key)) problems.push(`${key} duplicate series`);
    seen.add(key);
    enter(familyOf(name, families)).samples.push({ name, labels, value: Number(valueText.replace(/^([+-]?)inf(inity)?$/i, '$1Infinity')) });
  }

  for (const [name, family] of families) {
    const type = family.type ?? 'untyped';
    if (!family.help) problems.push(`${name} no help text`);
    if (type === 'counter' && !name.endsWith('_total')) problems.push(`${name} counter metrics should have "_total" suffix`);
    if (type !== 'counter' && name.endsWith('_total')) problems.push(`${name} non-counter metrics should not have "_total" suffix`);
    if (type !== 'histogram' && type !== 'summary') {
      for (const suffix of ['_count', '_sum', '_bucket'])
        if (name.endsWith(suffix)) problems.push(`${name} non-histogram and non-summary metrics should not have "${suffix}" suffix`);
    }
    if (/_(gauge|counter|histogram|summary)(_|$)/.test(name)) problems.push(`${name} metric name should not include type`);
    if (name.includes(':')) problems.push(`${name} metric names should not contain ':'`);
    if (/[a-z][A-Z]/.test(name)) problems.push(`${name} metric names should be written in 'snake_case' not 'camelCase'`);
    for (const part of name.split('_')) {
      if (UNIT_ABBREVIATIONS.includes(part)) problems.push(`${name} metric names should not contain abbreviated units`);
      if (NON_BASE_UNITS[part] && NON_BASE_UNITS[part] !== part) problems.push(`${name} use base unit "${NON_BASE_UNITS[part]}" instead of "${part}"`);
    }
    for (const sample of family.samples) {
      for (const label of Object.keys(sample.labels)) {
        if (!LABEL.test(label) || label.startsWith('__')) problems.push(`${name} invalid label name "${label}"`);
        if (/[a-z][A-Z]/.test(label)) problems.push(`${name} label names should be written in 'snake_case' not 'camelCase'`);
      }
    }
    if (type === 'histogram') {
      const groups = new Map<string, { inf?: number; count?: number; buckets: number }>();
      for (const sample of family.samples) {
        const { le, ...rest } = sample.labels;
        const group = JSON.stringify(Object.entries(rest).sort());
        const entry = groups.get(group) ?? { buckets: 0 };
        groups.set(group, entry);
        if (sample.name === `${name}_bucket`) {
          if (le === undefined) problems.push(`${name} bucket without an "le" label`);
          else if (le === '+Inf') entry.inf = sample.value;
          entry.buckets += 1;
        } else if (sample.name === `${name}_count`) entry.count = sample.value;
      }
      for (const entry of groups.values()) {
        if (entry.buckets && entry.inf === undefined) problems.push(`${name} histogram without a "+Inf" bucket`);
        if (entry.inf !== undefined && entry.count !== undefined && entry.inf !== entry.count) problems.push(`${name} "+Inf" bucket differs from _count`);
      }
    }
  }
  return problems;
}
