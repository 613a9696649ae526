/** A reactive controller that re-renders its host whenever an actor's snapshot changes. */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AnyActorRef, SnapshotFrom, Subscription } from 'xstate';

export class ActorController<A extends AnyActorRef> implements ReactiveController {
  private sub: Subscription | undefined;
  private actor: A | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly onChange?: (snapshot: SnapshotFrom<A>) => void,
  ) {
    host.addController(this);
  }

  /** Follow `actor` (or nothing); safe to call on every update. */
  follow(actor: A | undefined): void {
    if (actor === this.actor) return;
    this.sub?.unsubscribe();
    this.actor = actor;
    this.sub = actor?.subscribe((s: SnapshotFrom<A>) => {
      this.onChange?.(s);
      this.host.requestUpdate();
    });
  }

  get snapshot(): SnapshotFrom<A> | undefined {
    return this.actor?.getSnapshot() as SnapshotFrom<A> | undefined;
  }

  hostConnected(): void {
    const actor = this.actor;
    this.actor = undefined;
    this.follow(actor);
  }

  hostDisconnected(): void {
    this.sub?.unsubscribe();
    this.sub = undefined;
  }
}
