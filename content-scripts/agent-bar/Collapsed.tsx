import type { Ref } from 'preact';
import { AGENT_STATE_LABELS } from '../../src/core/agent-state';
import type { Call } from '../../src/core/call';
import type { HubState } from '../../src/core/hub-state';
import { runCommand } from '../../src/ui/actions';
import { connectionText } from '../../src/ui/ConnectionLine';
import { partyLabel } from '../../src/ui/format';
import { Icon } from '../../src/ui/icons';
import { StateDot } from '../../src/ui/StateDot';
import type { Point } from './placement';

interface HandleProps {
  /** The hub's state, for the agent state and the current call. */
  readonly state: HubState;
  /** Whether the page still hears the hub (see `hubLinked`). */
  readonly linked: boolean;
  /** A ringing inbound call, shown with its own Answer button so the agent need not open the bar. */
  readonly ringing: Call | undefined;
  /** Where the handle sits in the viewport, px. */
  readonly at: Point;
  /** The handle's box, which the bar measures. */
  readonly boxRef: Ref<HTMLElement>;
  /** "Open agent bar". */
  readonly onOpen: () => void;
}

const px = (at: Point) => ({ left: `${at.left}px`, top: `${at.top}px` });

/** The minimized bar: a pill with the agent's state, which grows an Answer button when a call rings. */
export function MinimizedHandle({ state, linked, ringing, at, boxRef, onOpen }: HandleProps) {
  const caps = state.capabilities;
  const status = connectionText({ session: state.session, connection: state.connection, linked });
  const stale = status.tone !== 'ok';
  return (
    <section
      ref={boxRef}
      class="sb-ui sb-root sb-handle"
      data-ringing={ringing ? 'true' : undefined}
      aria-label="Agent bar"
      style={px(at)}
    >
      <button
        type="button"
        class="sb-handle-open"
        aria-label="Open agent bar"
        title={status.text}
        data-focus="open"
        onClick={onOpen}
      >
        <StateDot kind={state.agent.kind} ringing={!!ringing} />
        <span class="sb-handle-text" aria-hidden="true">
          {ringing ? 'Ringing' : AGENT_STATE_LABELS[state.agent.kind]}
        </span>
        {stale && <span class="sb-handle-warn" aria-hidden="true" />}
      </button>
      {ringing && (
        <>
          <span class="sb-handle-call">
            <span class="sb-sr">Incoming call from </span>
            {partyLabel(ringing)}
          </span>
          {caps.answer && (
            <button
              type="button"
              class="sb-btn sb-btn-go"
              onClick={() => void runCommand({ type: 'answer', callId: ringing.id })}
            >
              <Icon name="phone" />
              Answer
            </button>
          )}
          {caps.reject && (
            <button
              type="button"
              class="sb-btn sb-btn-stop"
              onClick={() => void runCommand({ type: 'reject', callId: ringing.id })}
            >
              Decline
            </button>
          )}
        </>
      )}
    </section>
  );
}

interface TabProps {
  /** The hub's state, for the agent state's colour. */
  readonly state: HubState;
  /** The screen edge the tab sits on. */
  readonly side: 'left' | 'right' | 'bottom';
  /** Where the tab sits in the viewport, px. */
  readonly at: Point;
  /** The tab's box, which the bar measures. */
  readonly boxRef: Ref<HTMLElement>;
  /** "Show agent bar". */
  readonly onShow: () => void;
}

/** The hidden bar: a thin tab on the screen edge, coloured by agent state. */
export function HiddenTab({ state, side, at, boxRef, onShow }: TabProps) {
  return (
    <section ref={boxRef} class="sb-ui sb-root sb-tab" data-side={side} aria-label="Agent bar" style={px(at)}>
      <button
        type="button"
        class="sb-tab-btn"
        aria-label="Show agent bar"
        title={`Show agent bar (${AGENT_STATE_LABELS[state.agent.kind]})`}
        data-focus="show"
        onClick={onShow}
      >
        <StateDot kind={state.agent.kind} />
      </button>
    </section>
  );
}
