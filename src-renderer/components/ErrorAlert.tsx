/** A refusal a person must act on, read out at once; nothing when there is none. */
import { Alert } from './Alert';

export function ErrorAlert({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert tone="error" role="alert">
      <p>{message}</p>
    </Alert>
  );
}
