import { defineConfig } from 'vite';
import { minifyCssTemplates, trimTemplateIndentation } from './vite.config.js';

// The business console (/console/), built after the widget into the same dist/ as one ES module:
//   dist/booking-console.js   <script type="module" src="/widget/booking-console.js"> in console/index.html
// A build of its own, not a second entry of the widget's: two entries would share chunks (Lit, XState, the
// client), which would rename and resize the widget's files. The console is one page for signed-in staff, so
// one file, no code splitting; the same minification as the widget.
export default defineConfig({
  plugins: [minifyCssTemplates(), trimTemplateIndentation()],
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false, // the widget's build, which runs first, emptied it
    target: 'es2022',
    minify: 'terser',
    terserOptions: { compress: { passes: 2 }, mangle: true, format: { comments: false } },
    sourcemap: false,
    lib: {
      entry: { 'booking-console': 'src/booking-console.ts' },
      formats: ['es'],
      fileName: (_format, entryName) => `${entryName}.js`,
    },
    rolldownOptions: {
      output: { minify: true, comments: false },
    },
  },
});
