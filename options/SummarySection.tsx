import type { ConfigView } from '../src/messaging/protocol';

function PatternList({ patterns, empty }: { patterns: readonly string[]; empty: string }) {
  if (patterns.length === 0) return <p class="op-muted">{empty}</p>;
  return (
    <ul class="op-patterns">
      {patterns.map((pattern) => (
        <li key={pattern}>
          <code>{pattern}</code>
        </li>
      ))}
    </ul>
  );
}

/** What is configured, at a glance, and what the policy sets. */
export function SummarySection({ view }: { view: ConfigView }) {
  const { config, vendors, locked = [] } = view;
  const vendorLabel = (id: string) => vendors.find((vendor) => vendor.id === id)?.label ?? id;
  const policyMark = (field: string) =>
    locked.includes(field) ? <span class="op-badge">Set by policy</span> : null;

  return (
    <section class="op-card" aria-labelledby="summary-title">
      <h2 id="summary-title">Current configuration</h2>
      {locked.length > 0 && (
        <p class="op-lock">
          <span aria-hidden="true">🔒 </span>
          Your organization's policy sets: {locked.join(', ')}. These fields cannot be changed here.
        </p>
      )}
      <h3>Profiles {policyMark('profiles')}</h3>
      <table class="op-table">
        <thead>
          <tr>
            <th scope="col">Label</th>
            <th scope="col">Id</th>
            <th scope="col">Vendor</th>
            <th scope="col">Active</th>
          </tr>
        </thead>
        <tbody>
          {config.profiles.map((profile) => (
            <tr key={profile.id}>
              <td>{profile.label}</td>
              <td>
                <code>{profile.id}</code>
              </td>
              <td>{vendorLabel(profile.vendor)}</td>
              <td>{profile.id === config.activeProfile ? 'Active' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>Sites {policyMark('sites')}</h3>
      <div class="op-sites">
        <div>
          <h4>Allowed</h4>
          <PatternList patterns={config.sites.allow} empty="Every web site" />
        </div>
        <div>
          <h4>Blocked</h4>
          <PatternList patterns={config.sites.block} empty="None" />
        </div>
      </div>
      <h3>Rules</h3>
      <dl class="op-counts">
        <dt>Screen-pop rules {policyMark('screenPop')}</dt>
        <dd>{config.screenPop.length}</dd>
        <dt>Autofill rules {policyMark('autofill')}</dt>
        <dd>{config.autofill.length}</dd>
        <dt>Format version</dt>
        <dd>{config.version}</dd>
      </dl>
    </section>
  );
}
