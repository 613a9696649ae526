import { defineConfig, type Plugin } from 'vite';

/**
 * Drops the indentation inside Lit's html`` and css`` templates, which the minifier keeps verbatim. Safe here:
 * whitespace runs render the same (no <pre> or `white-space: pre` in the widget), and outside strings a newline
 * stays a newline, so automatic semicolon insertion is unchanged.
 */
export function trimTemplateIndentation(): Plugin {
  return {
    name: 'trim-template-indentation',
    renderChunk: (code) => ({ code: code.replace(/\n[ \t]+/g, '\n'), map: null }),
  };
}

/**
 * Minifies the CSS inside Lit's css`` templates in our sources, which the JS minifier keeps verbatim: drops comments,
 * collapses whitespace, drops the spaces around `{ } ; , >` and after `:`, the `;` before `}` and the 0 of `0.5`.
 * Safe for what the widget's styles hold (no escapes, and no string with those characters in it): a space before
 * `:` (a descendant pseudo-class) and around `+`/`-` (calc) is kept; `${…}` interpolations are left untouched.
 * 0.2 KB gzip.
 */
function minifyCss(text: string): string {
  const holes: string[] = [];
  const css = text
    .replace(/\$\{[^}]*\}/g, (hole) => `@@${holes.push(hole) - 1}@@`)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/: /g, ':')
    .replace(/([\s:(,])0\.(\d)/g, '$1.$2')
    .replace(/;}/g, '}')
    .trim();
  return css.replace(/@@(\d+)@@/g, (_, i: string) => holes[Number(i)]!);
}

export function minifyCssTemplates(): Plugin {
  return {
    name: 'minify-css-templates',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !code.includes('css`')) return null;
      return { code: code.replace(/\bcss`([^`]*)`/g, (_, body: string) => `css\`${minifyCss(body)}\``), map: null };
    },
  };
}

// The widget as ES modules in chunks (docs/widget.md, "Delivery"); lit, xstate and idb are bundled in.
//   dist/booking-widget.js       ES module entry: <script type="module" src=".../booking-widget.js">. It holds
//                                what paints the service list; the flow (XState) and later steps are chunks.
//   dist/booking-widget.iife.js  classic script:  <script src=".../booking-widget.iife.js">, a small loader
//                                that import()s booking-widget.js from its own folder (src/classic-loader.ts).
//   dist/<name>-<hash8>.js       chunks, loaded on demand relative to the module that imports them, so from
//                                the script's origin; the server caches these for a year (immutable).
// Neither entry defines a global variable: a good guest adds only <booking-widget>.
// `npx vite` serves index.html (a dev page) from the project root.
/**
 * The classic loader is built as an ES chunk with no imports or exports, which a classic script can run; this
 * wraps it in a function (after minification, which would unwrap it), so its top-level names stay out of the
 * host page's globals.
 */
function classicLoaderScope(fileName: string): Plugin {
  return {
    name: 'classic-loader-scope',
    generateBundle(_options, bundle) {
      const loader = bundle[fileName];
      if (loader?.type !== 'chunk') throw new Error(`classic-loader-scope: ${fileName} was not built`);
      if (loader.imports.length > 0 || loader.exports.length > 0) throw new Error(`${fileName} must not import or export statically`);
      loader.code = `(()=>{${loader.code.trim()}})();\n`;
    },
  };
}

export default defineConfig({
  plugins: [minifyCssTemplates(), trimTemplateIndentation(), classicLoaderScope('booking-widget.iife.js')],
  publicDir: false, // nothing but the widget's scripts belongs in dist/
  build: {
    outDir: 'dist',
    emptyOutDir: true, // only dist/; the server's build goes to dist-server/
    target: 'es2022',
    // Terser, two passes (then Rolldown's own minifier over its output, below): 0.4 KB gzip less than Oxc alone.
    minify: 'terser',
    terserOptions: { compress: { passes: 3 }, mangle: true, format: { comments: false } },
    sourcemap: false,
    // Library mode: no modulepreload helper around `import()` (the widget warms its chunks itself).
    lib: {
      entry: { 'booking-widget': 'src/booking-widget.ts', 'booking-widget.iife': 'src/classic-loader.ts' },
      formats: ['es'],
      fileName: (_format, entryName) => `${entryName}.js`,
    },
    rolldownOptions: {
      // Code shared by the entry and its chunks stays in the entry (chunks import it from there).
      preserveEntrySignatures: 'allow-extension',
      output: {
        chunkFileNames: '[name]-[hash].js', // hashed names only; the server caches `-XXXXXXXX.js` for a year
        minify: true, // all of it: library mode keeps ES output's whitespace otherwise
        comments: false,
      },
    },
  },
});
