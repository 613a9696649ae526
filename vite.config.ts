import { defineConfig } from 'vite';

// Library build of the widget (TOOLCHAIN.md §5): lit and idb are bundled in, so a host page needs one file.
//   dist/booking-widget.js       ES module:      <script type="module" src=".../booking-widget.js">
//   dist/booking-widget.iife.js  classic script:  <script src=".../booking-widget.iife.js">, global `BookingWidget`
// `npx vite` serves index.html (a dev page) from the project root.
export default defineConfig({
  publicDir: false, // nothing but the two bundles belongs in dist/
  build: {
    outDir: 'dist',
    emptyOutDir: true, // only dist/; the server's build goes to dist-server/
    target: 'es2022',
    minify: true,
    sourcemap: false,
    lib: {
      entry: 'src/booking-widget.ts',
      name: 'BookingWidget',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'booking-widget.js' : `booking-widget.${format}.js`),
    },
  },
});
