import { iifeBuilder } from '../../shared/iife-bundle';

const build = iifeBuilder(new URL('../bundle/operator.ts', import.meta.url));

/** The bundle served as `/operator/operator-v4.0.0.js`; built once per process, again after a failure. */
export function operatorBundle(): Promise<string> {
  return build();
}
