/**
 * The widget page's script in the browser (bundled by the simulator when it starts): the shared relay
 * wired to the real window.
 */
import { renderView } from './dom-view';
import { runWidget } from './relay';

const root = document.getElementById('tegsoft-widget') ?? document.body;
const framed = window.parent !== window;

runWidget({
  params: new URLSearchParams(location.search),
  baseUrl: location.origin,
  fetch: (input, init) => fetch(input, init),
  // As the real widget does: the target origin is "*"; checking origins is the host's job.
  postToParent: (event) => {
    if (framed) window.parent.postMessage(event, '*');
  },
  // Like the real widget, the parent's origin is not restricted; only its window is.
  onParentMessage: (listener) => {
    const onMessage = (event: MessageEvent) => {
      if (framed && event.source === window.parent) listener(event.data);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  },
  render: (view) => renderView(root, view),
  forge: ({ sameOrigin, crossOrigin }) => {
    for (const [id, src] of [
      ['forged-same-origin', sameOrigin],
      ['forged-cross-origin', crossOrigin],
    ] as const) {
      document.getElementById(id)?.remove();
      const frame = document.createElement('iframe');
      frame.id = id;
      frame.src = src;
      frame.style.cssText = 'width:1px;height:1px;border:0;position:absolute;left:-10px';
      document.body.append(frame);
    }
  },
});
