import { iifeBuilder } from '../../shared/iife-bundle';

const build = iifeBuilder(new URL('../widget/browser.ts', import.meta.url));

/**
 * The widget page's script: the shared relay bundled for the browser. Built once per process (every
 * simulator started in it serves the same code) and again only if a build failed.
 */
export function widgetScript(): Promise<string> {
  return build();
}
