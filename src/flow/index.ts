/** The widget's flow: the machine, its API actors, and the helpers the views use. */
export { flowMachine, initialContext, stepOf, FLOW_VERSION } from './flow-machine.js';
export { createFlowActors, placementActors, type FlowActors, type FlowDeps } from './actors.js';
export { placeBookingMachine, type PlacementInput, type PlacementOutput } from './place-booking.machine.js';
export { createFlowEnvironment, type FlowActor, type FlowEnvironment, type RunningFlow, type SavedFlow } from './environment.js';
export { createSession, type SessionHolder } from './session.js';
export { loadPersistedFlow, loadSavedFlow, persistFlow } from './persistence.js';
export { catalogueFeed, catalogueOf, type CatalogueFeed, type CatalogueFeedOptions } from './catalogue-feed.js';
export type * from './types.js';
export { bookingSummary, type BookingSummary } from './summary.js';
