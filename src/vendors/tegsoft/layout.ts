import type { ScreenLayout } from '../frame-host';
import type { TegsoftLayout } from './settings';

/** The document's layout options as the frame host's window layout. */
export function screenLayout(layout: TegsoftLayout): ScreenLayout {
  return {
    title: 'Tegsoft',
    width: layout.style?.width,
    height: layout.style?.height,
    padding: layout.style?.padding,
    borderRadius: layout.style?.borderRadius,
    autoMaximize: layout.autoMaximize ?? false,
    minimize: layout.minimize?.enable ?? false,
    hideToSide: layout.hideToSide?.enable ?? false,
    hideInIcon: layout.hideInIcon?.enable ?? false,
    movable: layout.movable?.enable ? { position: layout.movable.position } : false,
  };
}
