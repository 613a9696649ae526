/**
 * Custom properties set on an element through the CSSOM (`style.setProperty`), always: the console's
 * Content-Security-Policy (`style-src 'self'`) refuses `style` attributes, which Lit's styleMap writes on its
 * first render. Used in an element's position: `<li ${cssVars({ '--top': '420' })}>`.
 */
import { nothing } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

class CssVarsDirective extends Directive {
  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('cssVars belongs in an element position');
  }

  render(_vars: Readonly<Record<string, string | number>>) {
    return nothing;
  }

  override update(part: ElementPart, [vars]: [Readonly<Record<string, string | number>>]) {
    const { style } = part.element as HTMLElement;
    for (const [name, value] of Object.entries(vars)) style.setProperty(name, String(value));
    return nothing;
  }
}

export const cssVars = directive(CssVarsDirective);
