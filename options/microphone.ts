/** Where Softbar's permission to use the microphone stands; 'unknown' when the browser does not say. */
export type MicrophoneState = PermissionState | 'unknown';

/** The browser APIs the microphone section uses: the page's navigator, or fakes in tests. */
export interface MicrophoneApis {
  /** Reads permissions; missing where the Permissions API is. */
  readonly permissions?: Pick<Permissions, 'query'>;
  /** Opens capture devices; missing outside secure pages. */
  readonly mediaDevices?: Pick<MediaDevices, 'getUserMedia'>;
}

/** How asking for the microphone went. */
export interface MicrophoneOutcome {
  /** The permission afterwards. */
  readonly state: MicrophoneState;
  /** What went wrong, in words for the agent; undefined when it opened (or the state says it all). */
  readonly problem?: string;
}

/** The permission's live status, or undefined when the browser cannot say. */
async function microphoneStatus(apis: MicrophoneApis): Promise<PermissionStatus | undefined> {
  try {
    // Not every browser knows 'microphone' as a permission name (Firefox rejects it).
    return await apis.permissions?.query({ name: 'microphone' as PermissionName });
  } catch {
    return undefined;
  }
}

/** The microphone permission now. */
export async function readMicrophone(apis: MicrophoneApis): Promise<MicrophoneState> {
  return (await microphoneStatus(apis))?.state ?? 'unknown';
}

/**
 * Calls `onState` with the microphone permission now and after each change (the agent may unblock it in
 * Chrome's settings while the page is open). Returns the unsubscribe.
 */
export function watchMicrophone(apis: MicrophoneApis, onState: (state: MicrophoneState) => void): () => void {
  let stopped = false;
  let unlisten = () => {};
  void microphoneStatus(apis).then((status) => {
    if (stopped) return;
    if (!status) {
      onState('unknown');
      return;
    }
    const changed = () => onState(status.state);
    status.addEventListener('change', changed);
    unlisten = () => status.removeEventListener('change', changed);
    changed();
  });
  return () => {
    stopped = true;
    unlisten();
  };
}

/** Words for a failed `getUserMedia`, given the permission it left. */
function problemText(error: unknown, state: MicrophoneState): string | undefined {
  const name = error instanceof DOMException ? error.name : '';
  // Blocked: the state's own text says how to unblock it.
  if (state === 'denied') return undefined;
  if (name === 'NotAllowedError') {
    return 'Chrome did not allow the microphone. Press "Allow microphone" again and choose Allow in its prompt.';
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError') {
    return 'No microphone was found. Connect one, then press "Allow microphone" again.';
  }
  if (name === 'NotReadableError' || name === 'AbortError') {
    return 'The microphone could not be started: another program may be using it. Close that program and try again.';
  }
  const detail = error instanceof DOMException && error.message ? ` (${error.message})` : '';
  return `Chrome could not open the microphone${detail}.`;
}

/**
 * Opens the microphone from this page, which (unlike the offscreen document that hosts the vendor's
 * widget) can show Chrome's prompt, so that Softbar's origin holds the permission; the tracks are
 * stopped at once, since only the permission is wanted.
 */
export async function allowMicrophone(apis: MicrophoneApis): Promise<MicrophoneOutcome> {
  if (!apis.mediaDevices) {
    return { state: await readMicrophone(apis), problem: 'This page cannot open the microphone.' };
  }
  try {
    const stream = await apis.mediaDevices.getUserMedia({ audio: true });
    for (const track of stream.getTracks()) track.stop();
  } catch (error) {
    const state = await readMicrophone(apis);
    const problem = problemText(error, state);
    return problem === undefined ? { state } : { state, problem };
  }
  const state = await readMicrophone(apis);
  // It just opened: a browser that cannot say still let it.
  return { state: state === 'unknown' ? 'granted' : state };
}
