/** Shown under a control an enterprise policy sets. */
export function LockNote({ id }: { id: string }) {
  return (
    <p class="op-lock" id={id}>
      <span aria-hidden="true">🔒 </span>
      Set by your organization's policy; ask your administrator to change it.
    </p>
  );
}

export const isLocked = (locked: readonly string[] | undefined, field: string) =>
  locked?.includes(field) ?? false;
