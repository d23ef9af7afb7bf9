import type { ConfigView } from '../src/messaging/protocol';
import { ProblemAlert } from './IssueList';
import { isLocked, LockNote } from './LockNote';
import { regionOptions } from './regions';
import { busy, updateConfiguration } from './state';

/** The two choices an admin changes without a new document: the active profile and the default region. */
export function GeneralSection({ view }: { view: ConfigView }) {
  const { config, vendors, locked } = view;
  const vendorLabel = (id: string) => vendors.find((vendor) => vendor.id === id)?.label ?? id;
  const profileLocked = isLocked(locked, 'activeProfile');
  const regionLocked = isLocked(locked, 'defaultRegion');
  const regions = regionOptions();
  const knownRegion = regions.some((region) => region.code === config.defaultRegion);

  return (
    <section class="op-card" aria-labelledby="general-title">
      <h2 id="general-title">Connection</h2>
      <div class="op-field">
        <label for="active-profile">Active profile</label>
        <select
          id="active-profile"
          value={config.activeProfile}
          disabled={profileLocked || busy.value}
          aria-describedby={profileLocked ? 'active-profile-lock' : 'active-profile-help'}
          onChange={(event) => void updateConfiguration({ activeProfile: event.currentTarget.value })}
        >
          {config.profiles.map((profile) => (
            <option key={profile.id} value={profile.id}>
              {profile.label} ({vendorLabel(profile.vendor)})
            </option>
          ))}
        </select>
        {profileLocked ? (
          <LockNote id="active-profile-lock" />
        ) : (
          <p class="op-help" id="active-profile-help">
            The vendor connection Softbar uses. Profiles come from the imported configuration.
          </p>
        )}
      </div>
      <div class="op-field">
        <label for="default-region">Default region</label>
        <select
          id="default-region"
          value={config.defaultRegion}
          disabled={regionLocked || busy.value}
          aria-describedby={regionLocked ? 'default-region-lock' : 'default-region-help'}
          onChange={(event) => void updateConfiguration({ defaultRegion: event.currentTarget.value })}
        >
          {!knownRegion && <option value={config.defaultRegion}>{config.defaultRegion}</option>}
          {regions.map((region) => (
            <option key={region.code} value={region.code}>
              {region.name} ({region.code})
            </option>
          ))}
        </select>
        {regionLocked ? (
          <LockNote id="default-region-lock" />
        ) : (
          <p class="op-help" id="default-region-help">
            How phone numbers written without a country code are read.
          </p>
        )}
      </div>
      <ProblemAlert section="general" />
    </section>
  );
}
