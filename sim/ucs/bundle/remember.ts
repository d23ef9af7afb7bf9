/** Saved login data (login's `remember` argument). */
export interface Remembered {
  /** Username. */
  readonly username: string;
  /** Password. */
  readonly password: string;
}

// ASSUMPTION: the cookie's name and encoding are the simulator's own (the document only says "a cookie").
const NAME = 'ucsOperatorLogin';

/** Saves the login data in a cookie for a year. */
export function remember(data: Remembered): void {
  try {
    // biome-ignore lint/suspicious/noDocumentCookie: the document says the login is saved in a cookie; the Cookie Store API is not everywhere.
    document.cookie = `${NAME}=${encodeURIComponent(JSON.stringify(data))}; max-age=31536000; path=/; SameSite=Lax`;
  } catch {
    // Sandboxed pages may forbid cookies: remembering is then a no-op.
  }
}

/** The saved login data, or null. */
export function remembered(): Remembered | null {
  try {
    const entry = document.cookie.split('; ').find((part) => part.startsWith(`${NAME}=`));
    if (!entry) return null;
    const data = JSON.parse(decodeURIComponent(entry.slice(NAME.length + 1))) as Partial<Remembered>;
    return typeof data.username === 'string' && typeof data.password === 'string'
      ? { username: data.username, password: data.password }
      : null;
  } catch {
    return null;
  }
}
