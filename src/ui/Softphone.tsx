import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { focusedCall, type HubState } from '../core/hub-state';
import { AccountCodePanel } from './AccountCodePanel';
import { ActionError } from './ActionError';
import { AgentStateSelect } from './AgentStateSelect';
import { CallPanel, type CallPanelName } from './CallPanel';
import { ConnectionLine } from './ConnectionLine';
import { DialForm } from './DialForm';
import { Icon } from './icons';
import { Notices } from './Notices';
import { OtherCalls } from './OtherCalls';
import { PairedPhone } from './PairedPhone';
import { PairingPanel } from './PairingPanel';
import { QueueList } from './QueueList';
import { RecentCalls } from './RecentCalls';
import { VendorScreenButton } from './VendorScreenButton';
import { WaitingBadge } from './WaitingBadge';

interface Props {
  /** The hub's live state. */
  readonly state: HubState;
  /** Whether the hub is reachable right now (see `hubLinked`). */
  readonly linked: boolean;
  /** The popup has room for the call history; the bar does not. */
  readonly showRecent?: boolean;
}

/**
 * Everything the bar and the popup share: connection, agent state, notices, the focused call, other
 * calls and dialing. Panels that contain digit keys (dial pad, touch tones) are never open together, so
 * each digit names one button on the page.
 *
 * The desk (UCS: phone pairing, queues, waiting callers, account codes) adds rows only where the vendor
 * reports them; for other vendors the layout is exactly as without it.
 */
export function Softphone({ state, linked, showRecent = false }: Props) {
  const caps = state.capabilities;
  const call = focusedCall(state);
  const others = state.calls.filter((other) => other.id !== call?.id);
  // Panels belong to one call: when another call takes focus (a new one rings) they start closed.
  const [panel, setPanel] = useState<{ callId: string; name: CallPanelName } | undefined>(undefined);
  const openPanel = call && panel?.callId === call.id ? panel.name : undefined;
  const [dialOpen, setDialOpen] = useState(false);
  const [dialValue, setDialValue] = useState('');
  const [focusDial, setFocusDial] = useState(false);
  // After Dial the dial pad folds away under the new call; keyboard focus follows to its Hang up (in a
  // layout effect, so it lands in the same frame the dial pad leaves).
  const [focusCall, setFocusCall] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const dialInput = useRef<HTMLInputElement>(null);
  const newCallButton = useRef<HTMLButtonElement>(null);
  const busy = state.calls.length > 0;
  const showDial = caps.dial && (!busy || dialOpen);

  useLayoutEffect(() => {
    if (!focusDial) return;
    dialInput.current?.focus();
    setFocusDial(false);
  }, [focusDial]);

  useLayoutEffect(() => {
    const element = root.current;
    if (!focusCall || !call || !element) return;
    setFocusCall(false);
    const active = (element.getRootNode() as Document | ShadowRoot).activeElement;
    if (active && element.contains(active)) return;
    const controls = element.querySelector('.sb-call-controls');
    (
      controls?.querySelector<HTMLElement>('.sb-btn-stop') ?? controls?.querySelector<HTMLElement>('.sb-btn')
    )?.focus();
  }, [focusCall, call]);

  const choosePanel = (name: CallPanelName | undefined) => {
    setPanel(call && name ? { callId: call.id, name } : undefined);
    if (name === 'keypad') setDialOpen(false);
  };

  const openDial = (open: boolean) => {
    setDialOpen(open);
    if (open && openPanel === 'keypad') setPanel(undefined);
  };

  const ringing = call?.state === 'ringing' && call.direction === 'inbound' ? call : undefined;

  const desk = state.desk;
  const pairing = caps.pairing ? desk.pairing : undefined;
  const device = pairing ? undefined : desk.device;
  const showQueues = caps.queues && desk.queues.length > 0;
  const accountCodes = caps.accountCodes ? desk.accountCodes : [];

  return (
    <div class="sb-phone" ref={root}>
      <div class="sb-conn-row">
        <ConnectionLine session={state.session} connection={state.connection} linked={linked} />
        {caps.vendorScreen && <VendorScreenButton label={state.session.label} />}
      </div>
      {pairing && <PairingPanel pairing={pairing} />}
      <div class="sb-agent-row">
        <AgentStateSelect agent={state.agent} caps={caps} />
        {desk.waitingCallers !== undefined && <WaitingBadge count={desk.waitingCallers} />}
      </div>
      {(device || showQueues) && (
        <div class="sb-desk">
          {device && <PairedPhone device={device} canChange={caps.pairing} busy={busy} />}
          {showQueues && <QueueList queues={desk.queues} />}
        </div>
      )}
      <Notices notices={state.notices} />
      <ActionError />
      {/* No number or name here: they are on screen in the call panel, and text is searched by content. */}
      <p class="sb-sr" aria-live="assertive">
        {ringing ? 'Incoming call ringing' : ''}
      </p>
      {call ? (
        <CallPanel call={call} caps={caps} panel={openPanel} onPanel={choosePanel} />
      ) : (
        !caps.dial && <p class="sb-empty">No calls right now.</p>
      )}
      <OtherCalls calls={others} caps={caps} />
      {accountCodes.length > 0 && <AccountCodePanel requests={accountCodes} compact={!!ringing} />}
      {caps.dial && busy && (
        <button
          type="button"
          ref={newCallButton}
          class="sb-disclosure"
          aria-expanded={dialOpen}
          onClick={() => openDial(!dialOpen)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && dialOpen) {
              event.stopPropagation();
              openDial(false);
            }
          }}
        >
          <Icon name="phone" />
          New call
        </button>
      )}
      {showDial && (
        <section
          class="sb-dial-wrap"
          aria-label="Place a call"
          onKeyDown={(event) => {
            // Escape folds the dial pad back only where it is optional (during a call).
            if (event.key === 'Escape' && busy) {
              event.stopPropagation();
              openDial(false);
              newCallButton.current?.focus();
            }
          }}
        >
          <DialForm
            value={dialValue}
            onValueChange={setDialValue}
            inputRef={dialInput}
            onDialed={() => setFocusCall(true)}
            queues={desk.queues}
          />
        </section>
      )}
      {showRecent && (
        <RecentCalls
          calls={state.recent}
          onPick={(number) => {
            setDialValue(number);
            openDial(true);
            setFocusDial(true);
          }}
        />
      )}
    </div>
  );
}
