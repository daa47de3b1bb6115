/**
 * HTTP-level protections, against the real app and database: a page on another site cannot make
 * the API store, save or query anything (Origin / Sec-Fetch-Site checks, writes only as JSON or
 * with X-Newsgraph-Request), DNS rebinding is shut out by the Host check on every route, and the
 * tools that should keep working (the app's own pages, curl, a listed CORS origin) still do.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.js';
import { applySchema } from '../../db/schema.js';
import { testConfig, testDatabase } from './helpers.js';

const db = testDatabase();
const app = createApp({ db, config: testConfig(), log: () => {} });
const TITLE_PREFIX = 'HTTP guard test';

const storyCount = async (titlePrefix = '') => {
  const { records } = await db.driver.executeQuery('MATCH (s:Story) WHERE s.title STARTS WITH $p RETURN count(s) AS n', { p: titlePrefix }, { database: db.name });
  return Number(records[0]!.get('n'));
};
const removeTestStories = () =>
  db.driver.executeQuery(
    'MATCH (s:Story) WHERE s.title STARTS WITH $p OPTIONAL MATCH (ev:Evidence)-[:IN_STORY]->(s) DETACH DELETE s, ev',
    { p: TITLE_PREFIX },
    { database: db.name },
  );
const page = (title: string) => `${TITLE_PREFIX}: ${title}\n\nChile and Peru signed a trade pact in Lima on Monday, officials said.\n`;

beforeAll(async () => {
  await applySchema(db);
  await removeTestStories();
});
afterAll(async () => {
  await removeTestStories();
  await db.close();
});

describe('cross-site writes', () => {
  it('refuses a no-cors text/plain POST from a foreign Origin, and stores nothing', async () => {
    const before = await storyCount();
    const res = await request(app)
      .post('/api/stories')
      .set('Origin', 'https://evil.example')
      .set('Sec-Fetch-Site', 'cross-site')
      .set('Sec-Fetch-Mode', 'no-cors')
      .set('Content-Type', 'text/plain;charset=UTF-8')
      .send(page('no-cors fetch'));
    expect(res.status).toBe(403);
    expect(res.type).toBe('application/json');
    expect(res.body.error.code).toBe('cross_site_request');
    expect(await storyCount()).toBe(before);
  });

  it('refuses a foreign Origin even when the request is JSON with the custom header (an allowed CORS origin is needed)', async () => {
    const before = await storyCount();
    const res = await request(app)
      .post('/api/stories')
      .set('Origin', 'http://127.0.0.1:9999')
      .set('X-Newsgraph-Request', '1')
      .send({ title: `${TITLE_PREFIX}: other port`, body: 'Chile and Peru signed a trade pact.' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('cross_site_request');
    expect(await storyCount()).toBe(before);
  });

  it('refuses a form-like POST with no Origin but Sec-Fetch-Site: cross-site (or same-site), and stores nothing', async () => {
    const before = await storyCount();
    for (const site of ['cross-site', 'same-site']) {
      const res = await request(app)
        .post('/api/stories')
        .set('Sec-Fetch-Site', site)
        .set('Sec-Fetch-Mode', 'navigate')
        .set('Content-Type', 'text/plain')
        .set('X-Newsgraph-Request', '1')
        .send(page(`form ${site}`));
      expect(res.status, site).toBe(403);
      expect(res.body.error.code).toBe('cross_site_request');
    }
    const urlencoded = await request(app).post('/api/stories').set('Sec-Fetch-Site', 'cross-site').type('form').send({ title: `${TITLE_PREFIX}: urlencoded`, body: 'x' });
    expect(urlencoded.status).toBe(403);
    expect(await storyCount()).toBe(before);
  });

  it('refuses text/plain without the custom header (415 with JSON) and nothing is stored; with the header it is ingested', async () => {
    const before = await storyCount(TITLE_PREFIX);
    const refused = await request(app).post('/api/stories').set('Content-Type', 'text/plain').send(page('no header'));
    expect(refused.status).toBe(415);
    expect(refused.type).toBe('application/json');
    expect(refused.body.error.code).toBe('unsupported_media_type');
    expect(refused.body.error.message).toContain('X-Newsgraph-Request');
    expect(await storyCount(TITLE_PREFIX)).toBe(before);

    const accepted = await request(app).post('/api/stories').set('Content-Type', 'text/plain').set('X-Newsgraph-Request', '1').send(page('with header')).expect(201);
    expect(accepted.body.stories[0].title).toBe(`${TITLE_PREFIX}: with header`);
    expect(await storyCount(TITLE_PREFIX)).toBe(before + 1);
  });

  it('refuses a POST without a body unless it carries the custom header', async () => {
    const bare = await request(app).post('/api/queries/china-russia-trade/run');
    expect(bare.status).toBe(415);
    expect(bare.body.error.code).toBe('unsupported_media_type');
    await request(app).post('/api/queries/china-russia-trade/run').set('X-Newsgraph-Request', '1').expect(200);
    // Declared JSON needs no header, body or not: a form or a no-cors fetch cannot declare it.
    await request(app).post('/api/queries/china-russia-trade/run').set('Content-Type', 'application/json').expect(200);
    expect((await request(app).post('/api/cypher').set('Content-Type', 'application/jsonx').send('{}')).status).toBe(415);
  });

  it.each([
    ['POST', '/api/cypher', { query: 'RETURN 1 AS one' }],
    ['POST', '/api/graph/expand', { ids: ['country:CHN'] }],
    ['POST', '/api/queries', { name: 'test-cross-site', cypher: 'RETURN 1 AS one' }],
    ['PUT', '/api/queries/test-cross-site', { name: 'test-cross-site', cypher: 'RETURN 1 AS one' }],
    ['DELETE', '/api/queries/test-cross-site', undefined],
    ['POST', '/api/queries/china-russia-trade/run', { params: {} }],
    ['POST', '/api/export', { ids: ['country:CHN'], format: 'json' }],
  ] as const)('refuses %s %s from a foreign Origin with 403 JSON', async (method, path, body) => {
    let req = request(app)[method === 'POST' ? 'post' : method === 'PUT' ? 'put' : 'delete'](path).set('Origin', 'https://evil.example');
    if (body) req = req.send(body);
    const res = await req;
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('cross_site_request');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses the opaque origin "null" (sandboxed frames, file: pages)', async () => {
    const res = await request(app).post('/api/cypher').set('Origin', 'null').send({ query: 'RETURN 1 AS one' });
    expect(res.status).toBe(403);
  });

  it('accepts same-origin requests from the app’s own pages', async () => {
    const cypher = await request(app)
      .post('/api/cypher')
      .set('Host', 'localhost:8080')
      .set('Origin', 'http://localhost:8080')
      .set('Sec-Fetch-Site', 'same-origin')
      .send({ query: 'RETURN 1 AS one' })
      .expect(200);
    expect(cypher.body.table.rows).toEqual([[1]]);
    const before = await storyCount(TITLE_PREFIX);
    await request(app)
      .post('/api/stories')
      .set('Host', '127.0.0.1:8080')
      .set('Origin', 'http://127.0.0.1:8080')
      .set('Sec-Fetch-Site', 'same-origin')
      .send({ title: `${TITLE_PREFIX}: same origin`, body: 'Chile and Peru signed a trade pact in Lima.' })
      .expect(201);
    expect(await storyCount(TITLE_PREFIX)).toBe(before + 1);
  });

  it('accepts curl-like requests: no Origin, no Sec-Fetch-Site, JSON', async () => {
    await request(app).post('/api/cypher').send({ query: 'RETURN 2 AS two' }).expect(200);
    const before = await storyCount(TITLE_PREFIX);
    await request(app)
      .post('/api/stories')
      .send({ title: `${TITLE_PREFIX}: curl`, body: 'Chile and Peru signed a trade pact in Lima.' })
      .expect(201);
    expect(await storyCount(TITLE_PREFIX)).toBe(before + 1);
    // Sec-Fetch-Site: none is a navigation the user made (typed URL, bookmark).
    await request(app).post('/api/cypher').set('Sec-Fetch-Site', 'none').send({ query: 'RETURN 3 AS three' }).expect(200);
  });

  it('keeps CORS for the origins in NEWSGRAPH_CORS_ORIGIN, and lets them write; other origins stay refused', async () => {
    const desk = 'https://desk.example.org';
    const withCors = createApp({ db, config: testConfig({ NEWSGRAPH_CORS_ORIGIN: `${desk}, https://other.example.org` }), log: () => {} });
    const preflight = await request(withCors)
      .options('/api/cypher')
      .set('Origin', desk)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,x-newsgraph-request')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(desk);
    expect(preflight.headers['access-control-allow-headers']).toMatch(/X-Newsgraph-Request/i);
    const allowed = await request(withCors).post('/api/cypher').set('Origin', desk).set('Sec-Fetch-Site', 'cross-site').send({ query: 'RETURN 1 AS one' }).expect(200);
    expect(allowed.headers['access-control-allow-origin']).toBe(desk);
    expect(allowed.headers.vary).toMatch(/Origin/);
    const read = await request(withCors).get('/api/health').set('Origin', desk);
    expect(read.headers['access-control-allow-origin']).toBe(desk);

    const foreign = await request(withCors).post('/api/cypher').set('Origin', 'https://evil.example').send({ query: 'RETURN 1 AS one' });
    expect(foreign.status).toBe(403);
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    // Without the variable: no CORS headers at all.
    const none = await request(app).get('/api/health').set('Origin', desk);
    expect(none.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('the Host check (DNS rebinding)', () => {
  it.each([
    ['GET', '/api/health'],
    ['GET', '/'],
    ['GET', '/index.html'],
    ['GET', '/api/search?q=china'],
    ['POST', '/api/cypher'],
  ] as const)('refuses %s %s for Host: evil.example with JSON', async (method, path) => {
    for (const host of ['evil.example', 'evil.example:8080', 'localhost.evil.example', 'localhost@evil.example']) {
      const req = method === 'GET' ? request(app).get(path) : request(app).post(path).send({ query: 'RETURN 1 AS one' });
      const res = await req.set('Host', host);
      expect(res.status, host).toBe(421);
      expect(res.type).toBe('application/json');
      expect(res.body.error.code).toBe('host_not_allowed');
    }
  });

  it('answers loopback names, IP addresses and localhost on any port', async () => {
    for (const host of ['localhost', 'localhost:8080', 'LOCALHOST:3000', '127.0.0.1', '127.0.0.1:8080', '[::1]', '[::1]:8080', '192.168.1.20:8080', 'app.localhost:8080']) {
      const res = await request(app).get('/api/health').set('Host', host);
      expect(res.status, host).not.toBe(421);
    }
  });

  it('answers the names in NEWSGRAPH_ALLOWED_HOSTS and the HOST it listens on, nothing else', async () => {
    const named = createApp({ db, config: testConfig({ NEWSGRAPH_ALLOWED_HOSTS: 'news.example.org, .corp.example', HOST: 'graphbox.lan' }), log: () => {} });
    for (const host of ['news.example.org', 'News.Example.Org:443', 'corp.example', 'desk.corp.example:8080', 'graphbox.lan:8080', 'localhost:8080']) {
      expect((await request(named).get('/api/health').set('Host', host)).status, host).not.toBe(421);
    }
    for (const host of ['evil.example', 'news.example.org.evil.example', 'evilcorp.example', 'graphbox.lan.evil.example']) {
      expect((await request(named).get('/api/health').set('Host', host)).status, host).toBe(421);
    }
    const anyHost = createApp({ db, config: testConfig({ NEWSGRAPH_ALLOWED_HOSTS: '*' }), log: () => {} });
    expect((await request(anyHost).get('/api/health').set('Host', 'evil.example')).status).not.toBe(421);
  });
});

describe('body limits', () => {
  it('names the limit that applied: 2 MB for a text page, 1 MB for JSON', async () => {
    const text = await request(app)
      .post('/api/stories')
      .set('Content-Type', 'text/plain')
      .set('X-Newsgraph-Request', '1')
      .send(`Title\n\n${'x'.repeat(2_200_000)}`)
      .expect(413);
    expect(text.body.error.code).toBe('payload_too_large');
    expect(text.body.error.message).toBe('The request body is larger than 2 MB.');
    const json = await request(app).post('/api/cypher').send({ query: 'RETURN $x', params: { x: 'x'.repeat(1_100_000) } }).expect(413);
    expect(json.body.error.message).toBe('The request body is larger than 1 MB.');
  });
});
