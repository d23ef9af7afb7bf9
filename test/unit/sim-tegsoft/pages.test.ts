import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTegsoftSim, type TegsoftSim } from '../../../sim/tegsoft';

describe('Tegsoft simulator: pages', () => {
  let sim: TegsoftSim;

  beforeAll(async () => {
    sim = await startTegsoftSim();
  });
  afterAll(() => sim.close());

  const text = async (path: string) => {
    const response = await fetch(path.startsWith('http') ? path : `${sim.url}${path}`);
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: await response.text(),
    };
  };

  it('builds widget URLs as the document writes them', () => {
    expect(sim.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(sim.widgetUrl()).toBe(
      `${sim.url}/Tobe/forms/TegsoftVue/?fileName=forms%2FTegsoftTelecom%2FtegsoftWidget&sessiontype=agent&token=test-token`,
    );
    const url = new URL(sim.widgetUrl({ usercode: 'test.agent', clearpassword: 's&cret' }));
    expect(Object.fromEntries(url.searchParams)).toEqual({
      fileName: 'forms/TegsoftTelecom/tegsoftWidget',
      sessiontype: 'agent',
      usercode: 'test.agent',
      clearpassword: 's&cret',
    });
  });

  it('serves the widget page and its bundled script', async () => {
    const page = await text(sim.widgetUrl());
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/text\/html/);
    expect(page.body).toContain('<script src="/sim/widget.js"></script>');
    const script = await text('/sim/widget.js');
    expect(script.type).toMatch(/javascript/);
    expect(script.body).toContain('postMessage');
    expect(script.body).not.toMatch(/^import /m);
    expect((await text('/Tobe/forms/TegsoftVue/?fileName=forms/Other')).status).toBe(404);
  });

  it('serves the test page with the widget iframe, action buttons and the JavaScript snippet', async () => {
    const page = await text(`${sim.testPageUrl}?usercode=test.agent&clearpassword=secret`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('id="tegsoftWidgetFrame"');
    expect(page.body).toContain('usercode=test.agent&amp;clearpassword=secret');
    expect(page.body).toContain('window.tegsoft_widget_options');
    expect(page.body).toContain('data-action="queryStatus"');
    expect((await text('/Tobe/forms/tegsoftwidgettest.html')).body).toContain('token=test-token');
  });

  it('serves the forged frames, which post to window.top and window.parent.parent', async () => {
    const page = await text('/sim/forge.html?kind=cross');
    expect(page.body).toContain('window.top, window.parent.parent');
    expect(page.body).toContain('"OnIncomingCallRinging"');
    expect((await text('/nothing')).status).toBe(404);
  });
});
