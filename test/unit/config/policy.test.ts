import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/core/config/defaults';
import { applyPolicy } from '../../../src/core/config/policy';
import type { SoftbarConfig } from '../../../src/core/config/types';
import { applyConfigUpdate } from '../../../src/core/config/update';
import { validateConfig } from '../../../src/core/config/validate';
import { expectIssues, expectOk, issueAt, vendors } from './helpers';

const stored: SoftbarConfig = expectOk(
  validateConfig(
    {
      profiles: [
        { id: 'demo', vendor: 'demo', label: 'Demo' },
        {
          id: 'eu',
          vendor: 'xcally',
          label: 'EU',
          settings: { serverUrl: 'https://pbx.example.eu', username: 'a' },
        },
      ],
      activeProfile: 'eu',
      defaultRegion: 'IT',
      sites: { allow: [], block: ['https://bank.test/*'] },
    },
    vendors,
  ),
);

describe('applyPolicy', () => {
  it('no policy: the stored configuration, nothing locked', () => {
    expect(applyPolicy(stored, undefined, vendors)).toEqual({ config: stored, locked: [], issues: [] });
  });

  it('policy fields win at the top level and are locked; the others stay', () => {
    const outcome = applyPolicy(
      stored,
      { defaultRegion: 'GB', sites: { allow: ['https://*.corp.test/*'] } },
      vendors,
    );
    expect(outcome.locked).toEqual(['defaultRegion', 'sites']);
    expect(outcome.config.defaultRegion).toBe('GB');
    // Whole field: the policy's sites replace the stored ones, block list included.
    expect(outcome.config.sites).toEqual({ allow: ['https://*.corp.test/*'], block: [], exclude: [] });
    expect(outcome.config.activeProfile).toBe('eu');
    expect(outcome.config.profiles).toEqual(stored.profiles);
    expect(outcome.issues).toEqual([]);
  });

  it('policy profiles replace the stored ones; a stored activeProfile they lack falls back to the first', () => {
    const outcome = applyPolicy(
      stored,
      { profiles: [{ id: 'corp', vendor: 'demo', label: 'Corp' }] },
      vendors,
    );
    expect(outcome.locked).toEqual(['profiles']);
    expect(outcome.config.profiles.map((profile) => profile.id)).toEqual(['corp']);
    expect(outcome.config.activeProfile).toBe('corp');
    expect(outcome.issues).toEqual([]);
  });

  it('an invalid policy field is left out and reported; the valid ones still apply', () => {
    const outcome = applyPolicy(
      stored,
      { defaultRegion: 'XX', activeProfile: 'demo', colour: 'red' },
      vendors,
    );
    expect(outcome.locked).toEqual(['activeProfile']);
    expect(outcome.config.defaultRegion).toBe('IT');
    expect(outcome.config.activeProfile).toBe('demo');
    expect(issueAt(outcome.issues, 'defaultRegion').message).toMatch(/not a region code/);
    expect(issueAt(outcome.issues, 'colour').message).toMatch(/unknown field/);
  });

  it('a policy activeProfile that names no profile is not applied', () => {
    const outcome = applyPolicy(stored, { activeProfile: 'ghost' }, vendors);
    expect(outcome.locked).toEqual([]);
    expect(outcome.config).toEqual(stored);
    expect(issueAt(outcome.issues, 'activeProfile').message).toMatch(/"ghost" matches no profile id/);
  });

  it('callLog can be locked; a policy callLog that does not validate is left out', () => {
    const callLog = {
      prompt: false,
      dispositions: ['Sale'],
      webhook: { url: 'https://logs.corp.test/calls' },
    };
    const outcome = applyPolicy(stored, { callLog }, vendors);
    expect(outcome.locked).toEqual(['callLog']);
    expect(outcome.config.callLog).toEqual({
      ...callLog,
      webhook: { ...callLog.webhook, headers: {}, retryBaseMs: 2000, retryMaxMs: 300_000 },
    });

    const bad = applyPolicy(
      stored,
      { callLog: { webhook: { url: 'http://logs.corp.test/' } }, defaultRegion: 'GB' },
      vendors,
    );
    expect(bad.locked).toEqual(['defaultRegion']);
    expect(bad.config.callLog).toEqual(stored.callLog);
    expect(issueAt(bad.issues, 'callLog.webhook.url').message).toMatch(/is not https/);
  });

  it('a policy that is not an object, or too new, is ignored with a reason', () => {
    expect(applyPolicy(stored, 'x', vendors)).toMatchObject({ config: stored, locked: [] });
    expect(applyPolicy(stored, 'x', vendors).issues).toHaveLength(1);
    const tooNew = applyPolicy(stored, { version: 99, defaultRegion: 'GB' }, vendors);
    expect(tooNew.locked).toEqual([]);
    expect(issueAt(tooNew.issues, 'version').message).toMatch(/reads up to version 1/);
  });
});

describe('applyConfigUpdate', () => {
  it('changes the active profile and region', () => {
    const config = expectOk(
      applyConfigUpdate(stored, { activeProfile: 'demo', defaultRegion: 'FR' }, vendors),
    );
    expect(config.activeProfile).toBe('demo');
    expect(config.defaultRegion).toBe('FR');
  });

  it('refuses unknown values with the same messages as an import', () => {
    const issues = expectIssues(
      applyConfigUpdate(stored, { activeProfile: 'x', defaultRegion: 'ZZ' }, vendors),
    );
    expect(issues.map((issue) => issue.path)).toEqual(['activeProfile', 'defaultRegion']);
  });

  it('saves rule lists and callLog, defaults applied', () => {
    const config = expectOk(
      applyConfigUpdate(
        stored,
        {
          screenPop: [{ id: 'p', action: 'popup', url: 'https://crm.example.com/c?p={e164}' }],
          callLog: { dispositions: ['Sale'] },
        },
        vendors,
      ),
    );
    expect(config.screenPop[0]).toMatchObject({ on: 'ringing', width: 900, height: 700 });
    expect(config.callLog).toEqual({ prompt: true, dispositions: ['Sale'] });
    expect(config.defaultRegion).toBe('IT');
  });

  it('refuses a bad rule with the same path and message as an import', () => {
    const issues = expectIssues(
      applyConfigUpdate(stored, { autofill: [{ id: 'a', match: 'https://x.test/*', fields: [] }] }, vendors),
    );
    expect(issues.map((issue) => issue.path)).toEqual(['autofill[0].fields']);
    expect(issues[0]?.message).toMatch(/^the list is empty; add at least one field to fill/);
  });

  it('refuses a field the policy locks', () => {
    const issue = expectIssues(
      applyConfigUpdate(stored, { defaultRegion: 'FR' }, vendors, ['defaultRegion']),
    )[0];
    expect(issue).toMatchObject({ path: 'defaultRegion' });
    expect(issue?.message).toMatch(/policy/);
    expect(expectOk(applyConfigUpdate(defaultConfig(), {}, vendors, ['defaultRegion'])).defaultRegion).toBe(
      'US',
    );
    const callLog = expectIssues(
      applyConfigUpdate(stored, { callLog: { prompt: false } }, vendors, ['callLog']),
    );
    expect(callLog.map((issue) => issue.path)).toEqual(['callLog']);
  });
});
