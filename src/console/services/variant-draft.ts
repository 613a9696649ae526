/**
 * The options-and-variants editor's rules, pure: one option (CUSTOM named choices, DURATION minutes or
 * STAFF_MEMBER the service's staff) and a price for each choice, as the text the owner edits; the draft back as
 * what the server takes; the server's violations placed beside their row; and the lowest typed price (the preview's
 * "from $X").
 */
import type { VariantsInput } from '../../api/variant-calls.js';
import type { Money } from '../../model/common.js';
import type { ServiceOptionsAndVariants, ServiceOptionType } from '../../model/service.js';

export interface VariantRow {
  /** CUSTOM: the choice's name; DURATION: minutes; STAFF_MEMBER: the staff member's id. */
  choice: string;
  price: string;
}

export interface VariantDraft {
  kind: ServiceOptionType;
  /** The option's name ("Size"); CUSTOM needs one, DURATION may have one. */
  name: string;
  rows: VariantRow[];
}

/** Keys: `name`, `rows`, `choice-<i>`, `price-<i>`. */
export type VariantErrors = Partial<Record<string, string>>;

const AMOUNT = /^\s*\d+(\.\d{1,2})?\s*$/;

/** A fresh draft of `kind`: DURATION starts from the service's lengths, STAFF_MEMBER from its staff. */
export function newVariantDraft(kind: ServiceOptionType, service: { durations: number[]; staffIds: string[] }): VariantDraft {
  const blank = (choice: string): VariantRow => ({ choice, price: '' });
  if (kind === 'DURATION') return { kind, name: '', rows: service.durations.map((m) => blank(String(m))) };
  if (kind === 'STAFF_MEMBER') return { kind, name: '', rows: service.staffIds.map(blank) };
  return { kind, name: '', rows: [blank(''), blank('')] };
}

export function variantDraftOf(v: ServiceOptionsAndVariants): VariantDraft {
  const option = v.options.values[0];
  return {
    kind: option?.type ?? 'CUSTOM',
    name: option?.customData?.name ?? option?.durationData?.name ?? '',
    rows: v.variants.values.map((x) => {
      const c = x.choices[0];
      return { choice: c?.custom ?? c?.staffMemberId ?? (c?.duration ? String(c.duration.minutes) : ''), price: x.price.value };
    }),
  };
}

export function variantProblems(d: VariantDraft, text: { name: string; choice: string; minutes: string; amount: string; twice: string }) {
  const problems: VariantErrors = {};
  if (d.kind === 'CUSTOM' && !d.name.trim()) problems.name = text.name;
  const seen = new Set<string>();
  d.rows.forEach((row, i) => {
    const choice = row.choice.trim();
    if (d.kind === 'CUSTOM' && !choice) problems[`choice-${i}`] = text.choice;
    else if (d.kind === 'DURATION' && !/^\d+$/.test(choice)) problems[`choice-${i}`] = text.minutes;
    else if (seen.has(choice.toLowerCase())) problems[`choice-${i}`] = text.twice;
    seen.add(choice.toLowerCase());
    if (!AMOUNT.test(row.price)) problems[`price-${i}`] = text.amount;
  });
  return problems;
}

/** What to send; `optionId` is the saved option's (kept across saves) or a new one. */
export function variantsInput(d: VariantDraft, ctx: { serviceId: string; optionId: string; currency: string }): VariantsInput {
  const { optionId } = ctx;
  const choices = d.rows.map((r) => r.choice.trim());
  const option =
    d.kind === 'CUSTOM'
      ? { id: optionId, type: d.kind, customData: { name: d.name.trim(), choices } }
      : d.kind === 'DURATION'
        ? { id: optionId, type: d.kind, durationData: { name: d.name.trim() } }
        : { id: optionId, type: d.kind };
  return {
    serviceId: ctx.serviceId,
    options: { values: [option] },
    variants: {
      values: d.rows.map((r, i) => {
        const choice = choices[i] ?? '';
        const chosen =
          d.kind === 'CUSTOM'
            ? { custom: choice }
            : d.kind === 'DURATION'
              ? { duration: { minutes: Number(choice) } }
              : { staffMemberId: choice };
        return { choices: [{ optionId, ...chosen }], price: { value: r.price.trim(), currency: ctx.currency } };
      }),
    },
  };
}

/** The editor's key a server violation is about; undefined: the editor's own message. */
export function variantKeyOf(field: string): string | undefined {
  const row = /variants\.values\[(\d+)\]\.(price|choices)/.exec(field);
  if (row) return `${row[2] === 'price' ? 'price' : 'choice'}-${row[1]}`;
  if (/options/.test(field)) return 'name';
  return undefined;
}

/** The lowest price typed (for the preview), or undefined while none reads as an amount. */
export function lowestTyped(d: VariantDraft, currency: string): Money | undefined {
  const prices = d.rows.filter((r) => AMOUNT.test(r.price)).map((r) => r.price.trim());
  if (prices.length === 0) return undefined;
  const lowest = prices.reduce((a, b) => (Number(b) < Number(a) ? b : a));
  return { value: lowest, currency };
}

/** The draft as lines of text ("Small: 10.00"), for the conflict panel; `nameOf` names staff members. */
export function variantLines(d: VariantDraft, nameOf: (id: string) => string): string[] {
  const head = d.name.trim() ? [d.name.trim()] : [];
  return [...head, ...d.rows.map((r) => `${d.kind === 'STAFF_MEMBER' ? nameOf(r.choice) : r.choice}: ${r.price}`)];
}
