import type { Choices } from '../../../../../shared/api/apiContract';

export interface FormProps<R> {
  record: R;
  onChange: (next: R) => void;
  /** Problem paths relative to the record. */
  problems: readonly string[];
  choices: Choices | undefined;
}
