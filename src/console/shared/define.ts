/** Registers an element once: a second copy of the bundle on the page (or a re-run) must not throw. */
export function define(name: string, element: CustomElementConstructor): void {
  if (!customElements.get(name)) customElements.define(name, element);
}
