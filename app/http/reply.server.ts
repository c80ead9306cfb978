import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";

/**
 * The one way an action answers. Built on Remix's `data()` so `useActionData<typeof action>()` infers
 * every branch's body; no action writes its result type by hand.
 */
export function reply<T>(body: T, status = 200) {
  return data(body, { status });
}

type Reply = {
  reply(options?: {
    formErrors?: string[];
    fieldErrors?: Record<string, string[]>;
    resetForm?: boolean;
  }): SubmissionResult<string[]>;
};

/**
 * Answers a form post with Conform's reply kept whole, so each message stays on its field and the form
 * that sent it (named by `intent`) shows it. Refused input, or a refusal the domain adds through
 * `formErrors`/`fieldErrors`, is a 400; a success is a 200 and may ask Conform to reset the form.
 */
export function formReply<I extends string>(
  intent: I,
  submission: Reply,
  options: { formErrors?: string[]; fieldErrors?: Record<string, string[]>; resetForm?: boolean } = {},
) {
  const result = submission.reply(options);
  return data({ intent, result }, { status: result.status === "error" ? 400 : 200 });
}
