import { request } from './actions';
import { Icon } from './icons';

/**
 * Opens the vendor's own screen in a window: where an agent fixes a login the bar cannot, and where a
 * video call's picture is. The hub's refusal (no screen, a blocked pop-up) shows in the action error.
 */
export function VendorScreenButton({ label }: { label: string }) {
  const name = `Open ${label || 'vendor'} screen`;
  return (
    <button
      type="button"
      class="sb-icon-btn sb-small sb-vendor-screen"
      aria-label={name}
      title={name}
      onClick={() => void request('openVendorScreen', undefined)}
    >
      <Icon name="openWindow" />
    </button>
  );
}
