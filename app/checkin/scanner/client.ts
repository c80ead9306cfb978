// What happens to one scan: sent to POST /api/checkin when the network allows; otherwise (or when the
// request fails on the way) verified on this device and queued in IndexedDB, then sent again with its
// original nonce and scannedAt until the server answers 200 (the server de-duplicates by nonce).

import { REJECT_MESSAGE, type CheckinResponse, type RejectReason } from "#app/checkin/types.ts";
import { forgetScannerPages } from "#app/checkin/scanner/offline-page.ts";
import {
  admitted,
  dequeue,
  enqueue,
  forgetCredentials,
  queuedScans,
  rememberAdmitted,
  loadCredential,
  saveCredential,
  type QueuedScan,
} from "#app/checkin/scanner/queue.ts";
import { invitationKeyOf, type LocalVerifier } from "#app/checkin/scanner/verify.ts";

export const API_PATH = "/api/checkin";
const REQUEST_TIMEOUT_MS = 8_000;

export type Outcome =
  | { offline: false; response: CheckinResponse }
  | { offline: true; result: "accepted"; queued: true; unchecked?: true }
  | { offline: true; result: "duplicate"; at: string; listName: string; deviceId: string }
  | { offline: true; result: "rejected"; reason: RejectReason; message: string };

export interface SyncReport {
  sent: number;
  /** Scans the server refused although this device had admitted them offline. */
  refused: Array<{ scannedAt: string; message: string; name?: string }>;
}

export interface ScanClientOptions {
  conferenceId: string;
  listId: string;
  listName: string;
  credential: string;
  verifier: LocalVerifier;
  deviceId: () => string;
  onQueueChange: (count: number) => void;
  onNetworkChange: (down: boolean) => void;
  onAuthExpired: () => void;
  onSynced: (report: SyncReport) => void;
}

type Sent =
  | { kind: "answer"; response: CheckinResponse }
  | { kind: "network" }
  | { kind: "auth" }
  | { kind: "error"; message: string };

function newNonce(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
}

export class ScanClient {
  private readonly o: ScanClientOptions;
  private syncing = false;
  private networkDown = false;
  private authExpired = false;

  constructor(options: ScanClientOptions) {
    this.o = options;
    void saveCredential(options.listId, options.credential).catch(() => undefined);
  }

  /**
   * The server refused the credential (logout, expiry, role change): it and the cached pages that embed
   * it are forgotten on this device. Queued scans stay: signed in again, the page sends them.
   */
  private expire() {
    if (this.authExpired) return;
    this.authExpired = true;
    void forgetCredentials().catch(() => undefined);
    void forgetScannerPages();
    this.o.onAuthExpired();
  }

  private admittedKey(invitationKey: string) {
    return `${this.o.conferenceId}:${invitationKey}`;
  }

  private setNetworkDown(down: boolean) {
    if (this.networkDown !== down) {
      this.networkDown = down;
      this.o.onNetworkChange(down);
    }
  }

  async refreshQueueCount(): Promise<number> {
    try {
      const n = (await queuedScans()).length;
      this.o.onQueueChange(n);
      return n;
    } catch {
      return 0;
    }
  }

  private async send(scan: QueuedScan, credential: string): Promise<Sent> {
    if (typeof navigator !== "undefined" && navigator.onLine === false) return { kind: "network" };
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
    try {
      const response = await fetch(API_PATH, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${credential}` },
        body: JSON.stringify({
          ...(scan.token !== undefined ? { token: scan.token } : { attendeeId: scan.attendeeId }),
          deviceId: scan.deviceId,
          nonce: scan.nonce,
          scannedAt: scan.scannedAt,
          sentAt: new Date().toISOString(),
        }),
        signal: controller.signal,
        cache: "no-store",
      });
      if (response.status === 401) return { kind: "auth" };
      if (response.status === 200) return { kind: "answer", response: (await response.json()) as CheckinResponse };
      // 5xx or a proxy's error page: the scan was not recorded; keep it and try later.
      if (response.status >= 500) return { kind: "network" };
      const body = (await response.json().catch(() => ({}))) as { error?: string };
      return { kind: "error", message: body.error ?? `Máy chủ trả lời mã ${response.status}.` };
    } catch {
      return { kind: "network" };
    } finally {
      clearTimeout(timer);
    }
  }

  private async remember(token: string | undefined, response: CheckinResponse) {
    if (!token || response.result === "rejected") return;
    const key = invitationKeyOf(token);
    if (!key) return;
    const at = response.result === "accepted" ? response.checkedInAt : response.first.at;
    const listName = response.result === "accepted" ? this.o.listName : response.first.list;
    const deviceId = response.result === "accepted" ? this.o.deviceId() : response.first.deviceId;
    await rememberAdmitted({ key: this.admittedKey(key), at, listName, deviceId }).catch(() => undefined);
  }

  /** A decoded QR code. */
  scanToken(token: string): Promise<Outcome> {
    return this.submit({ token });
  }

  /** An attendee picked by name. */
  checkInAttendee(attendeeId: string): Promise<Outcome> {
    return this.submit({ attendeeId });
  }

  private async submit(what: { token: string } | { attendeeId: string }): Promise<Outcome> {
    const scan: QueuedScan = {
      ...what,
      nonce: newNonce(),
      deviceId: this.o.deviceId(),
      scannedAt: new Date().toISOString(),
      listId: this.o.listId,
      conferenceId: this.o.conferenceId,
    };
    if (!this.authExpired) {
      const sent = await this.send(scan, this.o.credential);
      if (sent.kind === "answer") {
        this.setNetworkDown(false);
        await this.remember(scan.token, sent.response);
        // The network is back: anything queued goes now.
        void this.sync();
        return { offline: false, response: sent.response };
      }
      if (sent.kind === "error")
        return { offline: false, response: { result: "rejected", reason: "malformed", message: sent.message } };
      if (sent.kind === "auth") this.expire();
      else this.setNetworkDown(true);
    }
    return this.offline(scan);
  }

  /** Decided on this device; valid scans are queued for the server. */
  private async offline(scan: QueuedScan): Promise<Outcome> {
    let unchecked = false;
    if (scan.token !== undefined) {
      const verdict = await this.o.verifier.verify(scan.token);
      if (!verdict.ok)
        return { offline: true, result: "rejected", reason: verdict.reason, message: REJECT_MESSAGE[verdict.reason] };
      unchecked = verdict.unchecked === true;
      const key = this.admittedKey(verdict.invitationKey);
      const before = await admitted(key).catch(() => undefined);
      if (before)
        return {
          offline: true,
          result: "duplicate",
          at: before.at,
          listName: before.listName,
          deviceId: before.deviceId,
        };
      await enqueue(scan);
      await rememberAdmitted({ key, at: scan.scannedAt, listName: this.o.listName, deviceId: scan.deviceId }).catch(
        () => undefined,
      );
    } else {
      await enqueue(scan);
    }
    await this.refreshQueueCount();
    return scan.token !== undefined && unchecked
      ? { offline: true, result: "accepted", queued: true, unchecked: true }
      : { offline: true, result: "accepted", queued: true };
  }

  /** Sends the queued scans, oldest first; each leaves the queue only after an HTTP 200. */
  async sync(): Promise<void> {
    if (this.syncing || this.authExpired) return;
    if (typeof navigator !== "undefined" && navigator.onLine === false) {
      this.setNetworkDown(true);
      return;
    }
    this.syncing = true;
    const report: SyncReport = { sent: 0, refused: [] };
    try {
      const scans = await queuedScans();
      for (const scan of scans) {
        const credential =
          scan.listId === this.o.listId ? this.o.credential : await loadCredential(scan.listId).catch(() => null);
        if (!credential) continue;
        const sent = await this.send(scan, credential);
        if (sent.kind === "network") {
          this.setNetworkDown(true);
          break;
        }
        if (sent.kind === "auth") {
          if (scan.listId === this.o.listId) {
            this.expire();
            break;
          }
          continue;
        }
        if (sent.kind === "error") continue;
        this.setNetworkDown(false);
        await dequeue(scan.nonce);
        report.sent++;
        await this.remember(scan.token, sent.response);
        if (sent.response.result === "rejected") {
          report.refused.push({
            scannedAt: scan.scannedAt,
            message: sent.response.message,
            name: sent.response.attendee?.name,
          });
        }
      }
    } catch {
      // IndexedDB unavailable: nothing was queued either.
    } finally {
      this.syncing = false;
      await this.refreshQueueCount();
      if (report.sent > 0) this.o.onSynced(report);
    }
  }
}
