// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { renderView } from '../../../sim/tegsoft/widget/dom-view';

describe('Tegsoft simulator: the widget page view', () => {
  it('shows the login error visibly', () => {
    const root = document.createElement('main');
    renderView(root, {
      phase: 'loginFailed',
      connected: false,
      eventsToParent: false,
      error: 'Login failed: invalid token',
    });
    const error = root.querySelector('#login-error')!;
    expect(error.textContent).toBe('Login failed: invalid token');
    expect(error.getAttribute('role')).toBe('alert');
  });

  it('shows the agent, state, call, camera and connection, as text only', () => {
    const root = document.createElement('main');
    renderView(root, {
      phase: 'online',
      connected: false,
      eventsToParent: true,
      agentName: '<img src=x onerror=alert(1)>',
      exten: '1001',
      agentState: 'Ready',
      call: '5550101 (ringing)',
      cameraOn: true,
    });
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('#agent-name')!.textContent).toContain('<img');
    expect(root.querySelector('#agent-state')!.textContent).toBe('Ready');
    expect(root.querySelector('#current-call')!.textContent).toBe('5550101 (ringing)');
    expect(root.querySelector('#camera')!.textContent).toBe('on');
    expect(root.querySelector('#connection')!.textContent).toBe('Disconnected, reconnecting…');
  });
});
