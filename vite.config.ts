import { defineConfig, type Plugin } from 'vite';

/**
 * Drops the indentation inside Lit's html`` and css`` templates, which the minifier keeps verbatim. Safe here:
 * whitespace runs render the same (no <pre> or `white-space: pre` in the widget), and outside strings a newline
 * stays a newline, so automatic semicolon insertion is unchanged.
 */
function trimTemplateIndentation(): Plugin {
  return {
    name: 'trim-template-indentation',
    renderChunk: (code) => ({ code: code.replace(/\n[ \t]+/g, '\n'), map: null }),
  };
}

// Library build of the widget (TOOLCHAIN.md §5): lit, xstate and idb are bundled in, so a host page needs one file.
//   dist/booking-widget.js       ES module:      <script type="module" src=".../booking-widget.js">
//   dist/booking-widget.iife.js  classic script:  <script src=".../booking-widget.iife.js">
// The classic script defines no global variable (exports: 'none'): a good guest adds only <booking-widget>.
// `npx vite` serves index.html (a dev page) from the project root.
export default defineConfig({
  plugins: [trimTemplateIndentation()],
  publicDir: false, // nothing but the two bundles belongs in dist/
  build: {
    outDir: 'dist',
    emptyOutDir: true, // only dist/; the server's build goes to dist-server/
    target: 'es2022',
    minify: true,
    sourcemap: false,
    lib: {
      entry: 'src/booking-widget.ts',
      formats: ['es', 'iife'],
      name: 'BookingWidget', // required by Vite for IIFE; unused, since the entry exports nothing (no global)
      fileName: (format) => (format === 'es' ? 'booking-widget.js' : `booking-widget.${format}.js`),
    },
  },
});
