// The composition root of the outbox: which domain composes which message kind. The generic mailer
// (app/mailing/) knows none of them; whatever runs the outbox worker imports this module once first:
// app/entry.server.tsx for the server, and the tests, benchmarks and scripts that drain the outbox.

import { composeBridgeTestMessage } from "#app/bridges/test-request.server.ts";
import { composeConclusionMessage } from "#app/conclusions/message.server.ts";
import { composeInvitationMessage, prefetchInvitationRecords } from "#app/invitations/invitation-message.server.ts";
import { composeScheduledReminder } from "#app/invitations/scheduled-reminders-message.server.ts";
import { queueDueReminders } from "#app/invitations/scheduled-reminders-send.server.ts";
import { INVITATION_KINDS } from "#app/invitations/types.ts";
import { logger } from "#app/lib/logger.server.ts";
import { registerComposer } from "#app/mailing/composers.server.ts";
import { registerDueWork } from "#app/mailing/due-work.server.ts";
import { composeDocumentsMessage } from "#app/meeting-documents/message.server.ts";

registerComposer(INVITATION_KINDS, composeInvitationMessage, prefetchInvitationRecords);
registerComposer(["BRIDGE_TEST"], composeBridgeTestMessage);
registerComposer(["DOCUMENTS"], composeDocumentsMessage);
registerComposer(["CONCLUSION"], composeConclusionMessage);
// Timed reminders: their e-mail, and queuing them when due (run by the outbox worker before each batch).
registerComposer(["SCHEDULED_REMINDER"], composeScheduledReminder);
registerDueWork("scheduled-reminders", async (now, db) => {
  const messages = await queueDueReminders(now, db);
  if (messages > 0) logger.info({ event: "reminders.queued", messages }, "reminders queued");
  return messages;
});
