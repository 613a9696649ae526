// Breaks nothing-imports-console: a shared layer imports the console.
import { view } from '../console/console-view.js';
export const uses = () => view;
