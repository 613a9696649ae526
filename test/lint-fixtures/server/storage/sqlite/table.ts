// Breaks storage-not-to-domain (and closes a cycle through the domain: no-circular).
import { decide } from '../../domain/rules.js';
export const table = () => decide;
