// `cem analyze` (npm run build:manifest) writes custom-elements.json at the package root, where package.json's
// `customElements` names it, for editors and Storybook (docs/frameworks.md). Its source is the JSDoc on the class
// (@tag, @fires, @csspart, @cssprop on the class; @attr on each field), as STYLE.md's "Lit elements" asks.
// Only <booking-widget> is public: its step elements (booking-widget-*) live in its shadow root and are not listed.
const SOURCE = 'src/widget/booking-widget/booking-widget.ts';
const SHIPPED = 'dist/booking-widget.js';

/**
 * The package ships the bundle, not src/: the element's module becomes dist/booking-widget.js, which defines the
 * tag and exports no value (the class is `customElements.get('booking-widget')`).
 */
function shippedModule() {
  return {
    name: 'booking-widget-shipped-module',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        if (mod.path !== SOURCE) continue;
        mod.path = SHIPPED;
        mod.exports = mod.declarations
          .filter((declaration) => declaration.customElement)
          .map((declaration) => ({
            kind: 'custom-element-definition',
            name: declaration.tagName,
            declaration: { name: declaration.name, module: SHIPPED },
          }));
        // Private and protected members are implementation, not API.
        for (const declaration of mod.declarations) {
          declaration.members = declaration.members?.filter((member) => !member.privacy && !member.static);
        }
      }
    },
  };
}

export default {
  globs: [SOURCE],
  outdir: '.',
  litelement: true,
  plugins: [shippedModule()],
};
