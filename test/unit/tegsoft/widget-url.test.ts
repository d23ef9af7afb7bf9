import { describe, expect, it } from 'vitest';
import { widgetOrigin, widgetUrl } from '../../../src/vendors/tegsoft/widget-url';

describe('the widget URL', () => {
  it("is the document's auto-login URL with a token", () => {
    expect(
      widgetUrl({ hostname: 'https://tegsoft.example.com', sessionType: 'agent', token: 'XXXXXX' }),
    ).toBe(
      'https://tegsoft.example.com/Tobe/forms/TegsoftVue/?fileName=forms/TegsoftTelecom/tegsoftWidget&sessiontype=agent&token=XXXXXX',
    );
  });

  it("is the document's auto-login URL with usercode and clearpassword", () => {
    expect(
      widgetUrl({
        hostname: 'https://tegsoft.example.com',
        sessionType: 'agent',
        usercode: 'test.agent',
        clearpassword: 'XXXXXX',
      }),
    ).toBe(
      'https://tegsoft.example.com/Tobe/forms/TegsoftVue/?fileName=forms/TegsoftTelecom/tegsoftWidget&sessiontype=agent&usercode=test.agent&clearpassword=XXXXXX',
    );
  });

  it('encodes values so they arrive whole', () => {
    const url = widgetUrl({
      hostname: 'http://127.0.0.1:4100',
      sessionType: 'agent',
      usercode: 'jane doe',
      clearpassword: 'p&ss=#1+2/%',
    });
    const params = new URL(url).searchParams;
    expect(params.get('usercode')).toBe('jane doe');
    expect(params.get('clearpassword')).toBe('p&ss=#1+2/%');
    expect(params.get('fileName')).toBe('forms/TegsoftTelecom/tegsoftWidget');
    expect(url).toContain('clearpassword=p%26ss%3D%231%2B2%2F%25');
  });

  it('has the server as its origin', () => {
    expect(widgetOrigin({ hostname: 'https://tegsoft.example.com:8443' })).toBe(
      'https://tegsoft.example.com:8443',
    );
  });
});
