import type { SubmissionResult } from "@conform-to/react";
import { reply } from "#app/http/reply.server.ts";

type Submission = {
  reply(options?: { fieldErrors?: Record<string, string[]>; resetForm?: boolean }): SubmissionResult<string[]>;
};

/**
 * Answers a form post whose domain step ended in `{ done }` (a message for the page) or `{ fieldErrors }`
 * (messages for the form's fields). Like `formReply`, Conform's reply is kept whole under `result`; the
 * success message rides beside it as `message` (null when refused), so every answer of an action has one
 * shape and `useActionData<typeof action>()` keeps the field.
 */
export function outcomeReply<I extends string>(
  intent: I,
  submission: Submission,
  outcome: { done?: string; fieldErrors?: Record<string, string[]> },
  options: { resetForm?: boolean } = {},
) {
  if (outcome.done === undefined) {
    return reply({ intent, result: submission.reply({ fieldErrors: outcome.fieldErrors }), message: null }, 400);
  }
  return reply({ intent, result: submission.reply({ resetForm: options.resetForm }), message: outcome.done });
}

/** A form post refused by validation, in the same shape as `outcomeReply`. */
export function invalidReply<I extends string>(intent: I, submission: Submission) {
  return reply({ intent, result: submission.reply(), message: null }, 400);
}
