import { PARENT_WINDOW_EVENTS_ALL } from './integration';

/** A Tegsoft user account as the simulator knows it. */
export interface SimUser {
  /** Login name (`usercode`, the status's `USERCODE`). */
  readonly usercode: string;
  /** Password for usercode + clearpassword logins. */
  readonly clearpassword: string;
  /** Token for token logins. */
  readonly token: string;
  /** The agent's extension (`EXTEN`). */
  readonly exten: string;
  /** `DISPLAYNAME`; `USERNAME` and `SURNAME` are its first word and the rest. */
  readonly displayName: string;
  /** The user's `UID`. */
  readonly uid: string;
  /** The user's integration parameter; null when the widget must post nothing to its parent. */
  readonly integration: string | null;
}

/** What a test may say about a user; everything but the user code has a default. */
export interface SimUserOptions {
  /** Login name. */
  readonly usercode: string;
  /** Password; default "secret". */
  readonly clearpassword?: string;
  /** Token; default `<usercode>-token` ("test-token" for the default user). */
  readonly token?: string;
  /** Extension; default 1001, 1002, … in list order. */
  readonly exten?: string;
  /** Display name; default the user code. */
  readonly displayName?: string;
  /** UID; default a fixed UUID derived from the list position. */
  readonly uid?: string;
  /** Integration parameter; default the document's `…|eventList=all`; null for none. */
  readonly integration?: string | null;
}

/** The default account (the document's status sample is for `test.agent` / "Test Agent"). */
export const DEFAULT_USER: SimUserOptions = {
  usercode: 'test.agent',
  clearpassword: 'secret',
  token: 'test-token',
  exten: '1001',
  displayName: 'Test Agent',
  uid: '5df34f9d-d91f-4e43-be33-f805fc8d84f2',
};

/** Fills in defaults; user codes and tokens must be unique, since they identify who logs in. */
export function resolveUsers(options: readonly SimUserOptions[] = [DEFAULT_USER]): SimUser[] {
  const users = options.map(
    (user, index): SimUser => ({
      usercode: user.usercode,
      clearpassword: user.clearpassword ?? 'secret',
      token: user.token ?? `${user.usercode}-token`,
      exten: user.exten ?? String(1001 + index),
      displayName: user.displayName ?? user.usercode,
      uid: user.uid ?? `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
      integration: user.integration === undefined ? PARENT_WINDOW_EVENTS_ALL : user.integration,
    }),
  );
  if (users.length === 0) throw new Error('The Tegsoft simulator needs at least one user.');
  for (const key of ['usercode', 'token'] as const) {
    const seen = new Set(users.map((user) => user[key]));
    if (seen.size !== users.length) throw new Error(`Two simulator users share a ${key}.`);
  }
  return users;
}
