import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";

/**
 * The one way an action answers. Built on Remix's `data()` so `useActionData<typeof action>()` infers
 * every branch's body; no action writes its result type by hand.
 */
export function reply<T>(body: T, status = 200) {
  return data(body, { status });
}

type ReplyOptions = { formErrors?: string[]; fieldErrors?: Record<string, string[]>; resetForm?: boolean };
type Reply = { reply(options?: ReplyOptions): SubmissionResult<string[]> };

/** How a form post ended: a success `message` for the page, or the domain's refusal. */
export type FormOutcome = ReplyOptions & {
  message?: string | null;
  /** Refused although no message names a field (e.g. only an import's row errors). */
  refused?: boolean;
};

/**
 * Answers a form post with Conform's reply kept whole, so each message stays on its field and the form
 * that sent it (named by `intent`) shows it, plus the success `message` (null when refused) and any
 * `extra` fields the page needs (e.g. an import's row errors); every answer of an action has one shape.
 * Refused input, or a refusal the domain adds, is a 400; a success is a 200.
 */
export function formReply<I extends string, X extends object = object>(
  intent: I,
  submission: Reply,
  outcome: FormOutcome = {},
  extra?: X,
) {
  const { message = null, refused = false, ...options } = outcome;
  const result = submission.reply(options);
  const failed = refused || result.status === "error";
  return data({ ...(extra as X), intent, result, message: failed ? null : message }, { status: failed ? 400 : 200 });
}

/** A domain step that ends in `{ done }` (the page's message) or `{ fieldErrors }` (the form's). */
export function outcomeReply<I extends string>(
  intent: I,
  submission: Reply,
  outcome: { done?: string; fieldErrors?: Record<string, string[]> },
  options: { resetForm?: boolean } = {},
) {
  const refused = outcome.done === undefined;
  return formReply(intent, submission, {
    message: outcome.done ?? null,
    fieldErrors: outcome.fieldErrors,
    resetForm: !refused && options.resetForm,
    refused,
  });
}
