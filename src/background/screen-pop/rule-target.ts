import type { Call } from '../../core/call';
import type { ScreenPopRule } from '../../core/config/types';
import { expandUrlTemplate } from '../../core/rules/template';
import type { OpenTarget } from './open-target';

/** Title of the bar's frame panel when the rule has no label. */
export const DEFAULT_FRAME_TITLE = 'Screen-pop';

export type RuleTarget =
  | { readonly ok: true; readonly target: OpenTarget }
  | { readonly ok: false; readonly error: string };

const fail = (error: string): RuleTarget => ({ ok: false, error });

/**
 * What `rule` opens for `call`: its URL template filled in (each value URL-encoded, http(s) only) and its
 * action's settings. Validation should have refused incomplete rules; this re-checks, since a rule that
 * reaches the worker some other way must fail with a reason rather than open something odd.
 */
export function ruleTarget(rule: ScreenPopRule, call: Call): RuleTarget {
  let url: string | undefined;
  if (rule.url !== undefined) {
    const expanded = expandUrlTemplate(rule.url, call);
    if (!expanded.ok) return fail(expanded.error);
    url = expanded.url;
  }
  const needsUrl = `the "${rule.action}" action needs a URL template`;
  const needsPattern = `the "${rule.action}" action needs a tab pattern`;
  switch (rule.action) {
    case 'newTab':
      return url === undefined ? fail(needsUrl) : { ok: true, target: { kind: 'newTab', url } };
    case 'reuseTab':
      if (url === undefined) return fail(needsUrl);
      if (!rule.tabPattern) return fail(needsPattern);
      return { ok: true, target: { kind: 'reuseTab', url, tabPattern: rule.tabPattern } };
    case 'focus':
      if (!rule.tabPattern) return fail(needsPattern);
      return { ok: true, target: { kind: 'focus', tabPattern: rule.tabPattern, url } };
    case 'popup':
      if (url === undefined) return fail(needsUrl);
      return { ok: true, target: { kind: 'popup', url, width: rule.width, height: rule.height } };
    case 'frame':
      if (url === undefined) return fail(needsUrl);
      return {
        ok: true,
        target: { kind: 'frame', url, title: rule.label || DEFAULT_FRAME_TITLE, callId: call.id },
      };
    default:
      return fail(`action ${JSON.stringify(rule.action)} is not one Softbar knows`);
  }
}
