import type { TargetedKeyboardEvent } from 'preact';
import { useRef } from 'preact/hooks';
import type { Call } from '../core/call';
import type { Capabilities } from '../core/capabilities';
import { runCommand } from './actions';
import { CallDataPanel } from './CallDataPanel';
import { CallTimer } from './CallTimer';
import {
  CALL_ACTION_LABELS,
  CALL_ACTION_NAMES,
  type CallAction,
  callActions,
  commandFor,
} from './call-actions';
import { callKind } from './call-kind';
import { CALL_STATE_LABELS, displayNumber } from './format';
import { Icon, type IconName } from './icons';
import { KeypadPanel } from './KeypadPanel';
import { TransferPanel } from './TransferPanel';

export type CallPanelName = 'transfer' | 'keypad' | 'callData';

interface Props {
  /** The focused call. */
  readonly call: Call;
  /** What the vendor can do: only those buttons show. */
  readonly caps: Capabilities;
  /** Which of the call's panels is open; owned by the parent so opening one can close the dial pad. */
  readonly panel: CallPanelName | undefined;
  /** The agent opened a panel, or closed it (undefined). */
  readonly onPanel: (panel: CallPanelName | undefined) => void;
}

export const ACTION_ICONS: Record<CallAction, IconName> = {
  answer: 'phone',
  reject: 'hangup',
  hold: 'pause',
  resume: 'play',
  mute: 'micOff',
  unmute: 'mic',
  camera: 'video',
  transfer: 'transfer',
  keypad: 'keypad',
  hangup: 'hangup',
};

const TONE: Partial<Record<CallAction, string>> = {
  answer: 'sb-btn-go',
  reject: 'sb-btn-stop',
  hangup: 'sb-btn-stop',
};

/**
 * The focused call: what kind, where it stands, for how long, and its controls. Its buttons carry the
 * exact names agents and tests look for (Answer, Hang up, Hold…); other calls use longer names.
 */
export function CallPanel({ call, caps, panel, onPanel }: Props) {
  const toggles = useRef<Partial<Record<CallPanelName, HTMLButtonElement | null>>>({});
  const number = displayNumber(call);
  const kind = callKind(call);
  const actions = callActions(call, caps);
  const consulting = call.transfer?.phase === 'consulting';
  const showTransfer = consulting || (panel === 'transfer' && actions.includes('transfer'));
  const showKeypad = panel === 'keypad' && actions.includes('keypad');
  const showData = panel === 'callData' && caps.setCallData;
  const campaign = kind.namesCampaign ? undefined : call.campaign;

  const toggle = (name: CallPanelName) => onPanel(panel === name ? undefined : name);
  const toggleRef = (name: CallPanelName) => (element: HTMLButtonElement | null) => {
    toggles.current[name] = element;
  };

  const closeOnEscape = (event: TargetedKeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || !panel) return;
    event.stopPropagation();
    const opener = toggles.current[panel];
    onPanel(undefined);
    opener?.focus();
  };

  const act = (action: CallAction) => {
    if (action === 'transfer' || action === 'keypad') toggle(action);
    else void runCommand(commandFor(action, call.id));
  };

  return (
    <section
      class="sb-call"
      data-state={call.state}
      data-media={call.media}
      aria-label="Current call"
      onKeyDown={closeOnEscape}
    >
      <div class="sb-call-head">
        <span class="sb-call-dir">
          <Icon name={kind.icon} />
          {kind.label}
        </span>
        <span class="sb-call-state">{CALL_STATE_LABELS[call.state]}</span>
        {call.muted && <span class="sb-tag">Muted</span>}
        <CallTimer call={call} />
      </div>
      <div class="sb-call-who">
        {call.remoteName && <div class="sb-call-name">{call.remoteName}</div>}
        <div class="sb-call-number">{number}</div>
        {number !== call.remoteNumber && <div class="sb-call-raw">{call.remoteNumber}</div>}
      </div>
      {(call.queue || call.service || campaign) && (
        <dl class="sb-call-meta">
          {call.queue && <Meta term="Queue" value={call.queue} />}
          {call.service && <Meta term="Service" value={call.service} />}
          {campaign && <Meta term="Campaign" value={campaign} />}
        </dl>
      )}
      {actions.length > 0 && (
        <div class="sb-controls sb-call-controls">
          {actions.map((action) => {
            const panelName = action === 'transfer' || action === 'keypad' ? action : undefined;
            return (
              <button
                key={action}
                type="button"
                class={`sb-btn ${TONE[action] ?? ''}`}
                aria-label={CALL_ACTION_NAMES[action]}
                aria-expanded={panelName ? (panelName === 'transfer' ? showTransfer : showKeypad) : undefined}
                ref={panelName ? toggleRef(panelName) : undefined}
                onClick={() => act(action)}
              >
                <Icon name={ACTION_ICONS[action]} />
                {CALL_ACTION_LABELS[action]}
              </button>
            );
          })}
        </div>
      )}
      {caps.setCallData && (
        <button
          type="button"
          class="sb-disclosure sb-call-data-toggle"
          aria-expanded={showData}
          ref={toggleRef('callData')}
          onClick={() => toggle('callData')}
        >
          <Icon name="list" />
          Call data
        </button>
      )}
      {showTransfer && <TransferPanel call={call} caps={caps} onClose={() => onPanel(undefined)} />}
      {showKeypad && <KeypadPanel call={call} />}
      {showData && <CallDataPanel call={call} />}
    </section>
  );
}

function Meta({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
}
