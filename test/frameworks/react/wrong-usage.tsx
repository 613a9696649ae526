// Deliberately wrong: the type check must reject every line that opens a <booking-widget> here, and no other line,
// or it proves nothing (test/server/frameworks-types.test.ts). TypeScript reports one wrong attribute per element,
// hence one element for each mistake.
import 'booking-widget';

export function WrongUsage() {
  return (
    <>
      {/* not a mode */}
      <booking-widget mode="sidebar" />
      {/* attributes are strings */}
      <booking-widget client-id={42} />
      {/* booking-created carries booking and summary */}
      <booking-widget onbooking-created={(e) => e.detail.order} />
      {/* member-login's detail is { member } */}
      <booking-widget onmember-login={(e: CustomEvent<{ step: string }>) => e.detail.step} />
    </>
  );
}
