import { Decimal } from 'decimal.js';
import { BASIS_LABELS, capLabel, formatRate, formatYuan, type SubsidyRule } from '../policy/index.js';

/** A rule's headline figure in one line, from its row alone: 按购买价格不超过15%，单个企业每年最高300万元. */
export function ruleHeadline(rule: SubsidyRule): string {
  const f = rule.formula;
  const caps = rule.caps.map((c) => `${capLabel(c)}${formatYuan(new Decimal(c.amount))}`);
  const floor = rule.floor ? [`不低于${formatYuan(new Decimal(rule.floor))}`] : [];
  let main: string;
  switch (f.type) {
    case 'rate': main = `按${BASIS_LABELS[f.basis]}${f.bound === 'upper' ? '不超过' : ''}${formatRate(new Decimal(f.rate))}`; break;
    case 'area-month': main = `${f.bound === 'upper' ? '最高' : ''}${f.unitAmount}元/平方米/月`; break;
    case 'per-head': main = f.levels.map((l) => `${l.label}每人${formatYuan(new Decimal(l.amount))}`).join('、'); break;
    case 'fixed': main = f.options.map((o) => `${o.label}${f.bound === 'upper' ? '最高' : ''}${formatYuan(new Decimal(o.amount))}`).join('、'); break;
    case 'tiered': main = f.tiers.map((t) => `突破${formatYuan(new Decimal(t.threshold))}奖${formatYuan(new Decimal(t.amount))}`).join('、'); break;
    case 'fiscal-share': main = `按${f.components.map((c) => `${c.label}的${formatRate(new Decimal(c.rate))}`).join('、')}`; break;
    case 'upper-bound': main = `最高${formatYuan(new Decimal(f.amount))}`; break;
  }
  const duration = rule.duration ? [`${rule.duration.years}年`] : [];
  return [main, ...floor, ...caps, ...duration].join('，');
}

/** ①②③ numbering for short lists read out on the phone. */
export function numbered(items: readonly string[]): string {
  return items.map((x, i) => `${'①②③④⑤⑥⑦⑧⑨⑩'[i] ?? `${i + 1}.`}${x}`).join(' ');
}
