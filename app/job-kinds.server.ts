// The composition root of the job table: which domain runs which kind of job. The generic runner
// (app/jobs/) knows none of them; whatever runs the job worker imports this module once first:
// app/entry.server.tsx for the server, and the tests and scripts that run jobs.

import "#app/attendance/document-jobs.server.ts";
import "#app/attendance/poster-jobs.server.ts";
import "#app/documents/packet-jobs.server.ts";
import "#app/invitations/send-job.server.ts";
