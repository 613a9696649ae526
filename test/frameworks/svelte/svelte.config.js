// Svelte's defaults; here so svelte-check does not read the repository's vite.config.ts (the widget's build).
export default {};
