/** Why a dialog's action did not go through, read out at once, inside the dialog; nothing when there is no refusal. */
export function DialogError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="dialog__error" role="alert">
      <span aria-hidden="true">! </span>
      {message}
    </p>
  );
}
