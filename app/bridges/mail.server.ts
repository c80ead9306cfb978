import type { SendMailOptions } from "nodemailer";
import type { OutboxRow } from "../mailing/outbox.server.ts";

// The "please test your bridge point's link" e-mail to a bridge's technical contact.
export async function composeBridgeTestMessage(row: OutboxRow): Promise<SendMailOptions> {
  // Implemented with the bridge-point readiness work (issue 6).
  throw new Error(`Chưa soạn được thư kiểm tra điểm cầu (${row.id})`);
}
