// Breaks widget-through-flow and src-not-to-server.
import { client } from '../api/client.js';
import { decide } from '../../server/domain/rules.js';
export const leaky = () => [client, decide];
