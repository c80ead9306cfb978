// The composition root of the outbox: which domain composes which message kind. The generic mailer
// (app/mailing/) knows none of them; whatever runs the outbox worker imports this module once first:
// app/entry.server.tsx for the server, and the tests, benchmarks and scripts that drain the outbox.

import { composeConclusionMessage } from "#app/conclusions/message.server.ts";
import { composeBridgeTestMessage } from "#app/bridges/test-request.server.ts";
import { composeInvitationMessage } from "#app/invitations/invitation-message.server.ts";
import { INVITATION_KINDS } from "#app/invitations/types.ts";
import { registerComposer } from "#app/mailing/composers.server.ts";

registerComposer(INVITATION_KINDS, composeInvitationMessage);
registerComposer(["BRIDGE_TEST"], composeBridgeTestMessage);
// issue 14: conclusion
registerComposer(["CONCLUSION"], composeConclusionMessage);
