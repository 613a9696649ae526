/** What the root element shares with its steps through @lit/context. */
import { createContext } from '@lit/context';
import type { Actor } from 'xstate';
import type { flowMachine } from '../../flow/flow-machine.js';

export type FlowActor = Actor<typeof flowMachine>;

export const flowContext = createContext<FlowActor | undefined>(Symbol('booking-flow'));

export interface UiSettings {
  locale: string;
  dir: 'ltr' | 'rtl';
}

export const uiContext = createContext<UiSettings>(Symbol('booking-ui'));
