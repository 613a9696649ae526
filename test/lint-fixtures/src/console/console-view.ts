// Breaks console-on-shared-layers: the console reaches into the widget's elements.
import { leaky } from '../widget/leaky-element.js';
export const view = () => leaky;
