/**
 * The catalogue feed (src/flow/catalogue-feed.ts) with the classic loader's prefetched requests
 * (src/flow/prefetch.ts): the loader's answers are used once and not asked again, the stored copy paints without
 * waiting for the network, the network's answer paints without waiting for IndexedDB, and a 304 is trusted only
 * for the stored copy's own ETag.
 */
import { expect } from '@open-wc/testing';
import { catalogueFeed } from '../../../src/flow/catalogue-feed.js';
import { mirrorEtag, mirroredEtag } from '../../../src/flow/prefetch.js';
import type { CachedCatalogue, WidgetStore } from '../../../src/store/index.js';
import type { Service } from '../../../src/model/service.js';

const HANDOFF = Symbol.for('booking-widget.prefetch');
const API = 'https://feed.example';
const PROPS = { properties: { siteDisplayName: 'Harbor', timeZone: 'Europe/Lisbon', paymentCurrency: 'EUR' } };

const service = (id: string): Service => ({ id, name: id, hidden: false, onlineBooking: { enabled: true } }) as unknown as Service;
const json = (body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json', ...headers } });

/** A store holding `copy` (given out once `release` is called when `held`), recording what is saved. */
function fakeStore(copy: CachedCatalogue | undefined, held = false) {
  let release: () => void = () => {};
  const gate = held ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve();
  const saved: CachedCatalogue[] = [];
  const store = {
    loadCatalogue: async () => (await gate, copy),
    saveCatalogue: async (c: CachedCatalogue) => void saved.push(c),
  } as unknown as WidgetStore;
  return { store, saved, release: () => release() };
}

describe('catalogue feed', () => {
  const realFetch = globalThis.fetch;
  let asked: { url: string; ifNoneMatch: string | undefined }[];

  /** The network: the list answers `list()`, the site properties PROPS; every request is recorded. */
  function network(list: () => Response): void {
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      asked.push({ url, ifNoneMatch: (init?.headers as Record<string, string> | undefined)?.['if-none-match'] });
      return url.endsWith('/services/query') ? list() : json(PROPS);
    }) as typeof fetch;
  }

  beforeEach(() => {
    asked = [];
    mirrorEtag(API, undefined);
  });
  afterEach(() => {
    globalThis.fetch = realFetch;
    delete (globalThis as Record<symbol, unknown>)[HANDOFF];
    mirrorEtag(API, undefined);
  });

  it('uses the loader’s answers once, without asking again, and without waiting for IndexedDB', async () => {
    network(() => json({ services: [] }));
    (globalThis as Record<symbol, unknown>)[HANDOFF] = {
      [API]: {
        etag: null,
        list: Promise.resolve(json({ services: [service('a')] }, { etag: 'W/"1"' })),
        props: Promise.resolve(json(PROPS)),
      },
    };
    const { store, saved, release } = fakeStore(undefined, true); // IndexedDB never answers until released
    const feed = catalogueFeed({ apiBase: API, store });
    const first = await feed.current();
    expect(first.services.map((s) => s.id)).to.deep.equal(['a']);
    expect(first.business?.currency).to.equal('EUR');
    expect(asked).to.deep.equal([]);
    expect((globalThis as Record<symbol, Record<string, unknown>>)[HANDOFF]?.[API]).to.equal(undefined, 'taken once');
    release();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(saved.at(-1)?.etag).to.equal('W/"1"');
    expect(mirroredEtag(API)).to.equal('W/"1"', 'the ETag is mirrored once its copy is stored');
  });

  it('has the catalogue at once when the loader decoded both answers already, and stores it', async () => {
    network(() => json({ services: [] }));
    const never = new Promise<Response>(() => {});
    (globalThis as Record<symbol, unknown>)[HANDOFF] = {
      [API]: {
        etag: null,
        list: never,
        props: never,
        answered: { etag: 'W/"7"', list: { services: [service('a'), service('b')] }, props: PROPS },
      },
    };
    const { store, saved } = fakeStore(undefined, true);
    const feed = catalogueFeed({ apiBase: API, store });
    expect(feed.now()?.services.map((s) => s.id)).to.deep.equal(['a', 'b'], 'no wait: the first render shows it');
    expect(feed.now()?.business?.name).to.equal('Harbor');
    expect((await feed.current()).services).to.have.length(2);
    expect(asked).to.deep.equal([], 'nothing asked again');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(saved.at(-1)?.etag).to.equal('W/"7"');
  });

  it('has nothing at once without the loader’s decoded answers', () => {
    network(() => json({ services: [service('a')] }));
    expect(catalogueFeed({ apiBase: API, store: fakeStore(undefined).store }).now()).to.equal(undefined);
  });

  it('paints the stored copy without waiting for the network, then the network’s different list', async () => {
    let answer: (r: Response) => void = () => {};
    network(() => undefined as unknown as Response);
    globalThis.fetch = ((input: RequestInfo | URL) =>
      String(input).endsWith('/services/query')
        ? new Promise<Response>((resolve) => (answer = resolve))
        : Promise.resolve(json(PROPS))) as typeof fetch;
    const copy: CachedCatalogue = {
      apiBase: API,
      etag: 'W/"old"',
      services: [service('a'), service('b')],
      business: undefined,
      savedAt: '',
    };
    const feed = catalogueFeed({ apiBase: API, store: fakeStore(copy).store });
    expect((await feed.current()).services.map((s) => s.id)).to.deep.equal(['a', 'b']);
    const changed = new Promise<string[]>((resolve) => feed.onChange((c) => resolve(c.services.map((s) => s.id))));
    answer(json({ services: [service('b')] }, { etag: 'W/"new"' }));
    expect(await changed).to.deep.equal(['b']);
  });

  it('asks in full when a 304 answers an ETag the stored copy does not carry', async () => {
    mirrorEtag(API, 'W/"mirrored"');
    let calls = 0;
    network(() => (calls++ === 0 ? new Response(null, { status: 304 }) : json({ services: [service('c')] }, { etag: 'W/"2"' })));
    const copy: CachedCatalogue = { apiBase: API, etag: 'W/"other"', services: [service('a')], business: undefined, savedAt: '' };
    const feed = catalogueFeed({ apiBase: API, store: fakeStore(copy).store });
    const updated = new Promise<string[]>((resolve) => feed.onChange((c) => resolve(c.services.map((s) => s.id))));
    expect(await updated).to.deep.equal(['c']);
    const lists = asked.filter((a) => a.url.endsWith('/services/query'));
    expect(lists.map((a) => a.ifNoneMatch)).to.deep.equal(['W/"mirrored"', undefined]);
  });
});
