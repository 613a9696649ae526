import { expect } from '@open-wc/testing';
import { fromPromise, waitFor } from 'xstate';
import { BookingApiError } from '../../../src/api/errors.js';
import type { Member } from '../../../src/model/index.js';
import type { RegisterDetails } from '../../../src/flow/types.js';
import { fakeFlow, start, step } from './fake-flow.js';

const member: Member = {
  id: 'm1',
  contactId: 'c1',
  loginEmail: 'nia@example.com',
  profile: { firstName: 'Nia', lastName: 'Okafor' },
  createdDate: '2026-11-24T10:00:00Z',
  updatedDate: '2026-11-24T10:00:00Z',
};

async function toDetails(actor: ReturnType<typeof start>) {
  await waitFor(actor, (s) => s.matches('service'));
  actor.send({ type: 'SELECT_SERVICE', serviceId: 'svc-yoga' });
  const ready = await waitFor(actor, (s) => s.matches({ slot: 'ready' }));
  actor.send({ type: 'SELECT_SLOT', slot: ready.context.slots[0]! });
  actor.send({ type: 'NEXT' });
  await waitFor(actor, (s) => s.matches({ details: 'editing' }));
}

describe("the flow machine: a member's account", () => {
  it('signs a new member up and in, and says when a reset email is on its way', async () => {
    const registered: RegisterDetails[] = [];
    const resets: string[] = [];
    const { machine } = fakeFlow({
      register: fromPromise<Member, RegisterDetails>(async ({ input }) => (registered.push(input), member)),
      requestPasswordReset: fromPromise<void, { email: string }>(async ({ input }) => void resets.push(input.email)),
    });
    const actor = start(machine);
    await toDetails(actor);
    const details = { firstName: 'Nia', lastName: 'Okafor', email: 'nia@example.com', password: 'harbor sunrise flow' };
    actor.send({ type: 'REGISTER', details });
    const signedIn = await waitFor(actor, (s) => s.matches({ details: 'editing' }) && !!s.context.member);
    expect(registered).to.deep.equal([details]);
    expect(signedIn.context.details).to.include({ firstName: 'Nia', email: 'nia@example.com' });

    actor.send({ type: 'FORGOT_PASSWORD', email: 'nia@example.com' });
    const sent = await waitFor(actor, (s) => s.context.accountNotice === 'reset-sent');
    expect(resets).to.deep.equal(['nia@example.com']);
    expect(step(actor)).to.equal('details');
    actor.send({ type: 'CLEAR_ACCOUNT_NOTICE' });
    expect(actor.getSnapshot().context.accountNotice).to.equal(undefined);
    expect(sent.context.error).to.equal(undefined);
    actor.stop();
  });

  it('starts at reset-password with a token, shows a refused link, then goes on to booking without it', async () => {
    const asked: { token: string; password: string }[] = [];
    const { machine } = fakeFlow({
      resetPassword: fromPromise<void, { token: string; password: string }>(async ({ input }) => {
        asked.push(input);
        if (asked.length > 1)
          throw new BookingApiError(410, 'This password reset link was already used.', {
            code: 'PASSWORD_RESET_LINK_USED',
            description: '',
            data: {},
          });
      }),
    });
    const actor = start(machine, { resetToken: 'tok' });
    await waitFor(actor, (s) => s.matches({ resetPassword: 'editing' }));
    expect(step(actor)).to.equal('reset-password');
    actor.send({ type: 'SET_NEW_PASSWORD', password: 'a new passphrase' });
    const done = await waitFor(actor, (s) => s.matches({ resetPassword: 'done' }));
    expect(asked).to.deep.equal([{ token: 'tok', password: 'a new passphrase' }]);
    expect(done.context.accountNotice).to.equal('password-set');
    expect(done.context.resetToken).to.equal(undefined);

    const again = start(machine, { resetToken: 'tok' });
    await waitFor(again, (s) => s.matches({ resetPassword: 'editing' }));
    again.send({ type: 'SET_NEW_PASSWORD', password: 'another passphrase' });
    const refused = await waitFor(again, (s) => s.matches({ resetPassword: 'editing' }) && !!s.context.error);
    expect(refused.context.error?.code).to.equal('PASSWORD_RESET_LINK_USED');
    again.send({ type: 'START_BOOKING' });
    await waitFor(again, (s) => s.matches('service'));
    expect(again.getSnapshot().context.resetToken).to.equal(undefined);
    actor.stop();
    again.stop();
  });
});
