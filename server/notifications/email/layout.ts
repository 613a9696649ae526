/**
 * One email's layout, as HTML and as plain text, from its words. The HTML is what common clients render: a
 * table layout, inline styles only, no scripts, no images, every interpolated value escaped.
 */
import { escapeHtml, safeHref } from './escape.js';

export interface EmailView {
  lang: string;
  dir: 'ltr' | 'rtl';
  subject: string;
  business: string;
  heading: string;
  greeting: string;
  paragraphs: string[];
  details: [label: string, value: string][];
  nextStep: string;
  action?: { label: string; url: string };
  footer: string;
}

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";
const TEXT = `${FONT};color:#1f2933;font-size:16px;line-height:1.5`;

function paragraph(text: string, style = ''): string {
  return `<p style="margin:0 0 16px 0;${TEXT}${style}">${escapeHtml(text)}</p>`;
}

function detailsTable(details: EmailView['details'], dir: EmailView['dir']): string {
  if (details.length === 0) return '';
  const align = dir === 'rtl' ? 'right' : 'left';
  // dir="auto" on a value: a phone number or a Latin service name keeps its own order in a right-to-left email.
  const rows = details
    .map(
      ([label, value]) =>
        `<tr><td valign="top" style="padding:6px 12px 6px 0;${FONT};font-size:14px;color:#52606d;white-space:nowrap;text-align:${align}">${escapeHtml(label)}</td>` +
        `<td valign="top" dir="auto" style="padding:6px 0;${FONT};font-size:14px;color:#1f2933;text-align:${align}">${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  return (
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" ` +
    `style="border-collapse:collapse;margin:0 0 20px 0;border-top:1px solid #e4e7eb;border-bottom:1px solid #e4e7eb">${rows}</table>`
  );
}

function button(action: NonNullable<EmailView['action']>): string {
  const href = safeHref(action.url);
  return (
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px 0"><tr>` +
    `<td bgcolor="#1d4ed8" style="border-radius:6px;background-color:#1d4ed8">` +
    `<a href="${href}" style="display:inline-block;padding:12px 22px;${FONT};font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;border-radius:6px">${escapeHtml(action.label)}</a>` +
    `</td></tr></table>` +
    `<p style="margin:0 0 16px 0;${FONT};font-size:13px;color:#52606d;word-break:break-all">` +
    `<a href="${href}" style="color:#1d4ed8">${escapeHtml(action.url)}</a></p>`
  );
}

export function renderHtml(view: EmailView): string {
  const body = [
    `<h1 style="margin:0 0 16px 0;${FONT};font-size:22px;line-height:1.3;color:#111827">${escapeHtml(view.heading)}</h1>`,
    paragraph(view.greeting),
    ...view.paragraphs.map((p) => paragraph(p)),
    detailsTable(view.details, view.dir),
    paragraph(view.nextStep, ';font-weight:bold'),
    view.action ? button(view.action) : '',
  ].join('\n');
  return `<!DOCTYPE html>
<html lang="${escapeHtml(view.lang)}" dir="${view.dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(view.subject)}</title>
</head>
<body style="margin:0;padding:0;background-color:#f3f4f6">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="#f3f4f6" style="background-color:#f3f4f6">
<tr><td align="center" style="padding:24px 12px">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:560px;background-color:#ffffff;border-radius:8px">
<tr><td style="padding:20px 28px;border-bottom:1px solid #e4e7eb;${FONT};font-size:15px;font-weight:bold;color:#1d4ed8">${escapeHtml(view.business)}</td></tr>
<tr><td style="padding:24px 28px 8px 28px">
${body}
</td></tr>
<tr><td style="padding:16px 28px 24px 28px;border-top:1px solid #e4e7eb;${FONT};font-size:12px;line-height:1.5;color:#7b8794">${escapeHtml(view.footer)}</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`;
}

export function renderText(view: EmailView): string {
  const width = Math.max(...view.details.map(([label]) => label.length), 0) + 2;
  const lines = [
    view.heading,
    '',
    view.greeting,
    '',
    ...view.paragraphs.flatMap((p) => [p, '']),
    ...view.details.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`),
    ...(view.details.length > 0 ? [''] : []),
    view.nextStep,
    ...(view.action ? ['', `${view.action.label}: ${view.action.url}`] : []),
    '',
    '-- ',
    view.business,
    view.footer,
  ];
  return `${lines.join('\n')}\n`;
}
