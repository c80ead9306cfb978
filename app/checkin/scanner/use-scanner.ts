// The scanner page's state machine: one ScanClient per page load (online API, offline queue and
// replays), what the result panel shows, the network and queue state behind the banners, and the list's
// counter polled while online. The page (routes/conferences.$id.checkin.$listId.tsx) only lays it out.

import { useCallback, useEffect, useRef, useState } from "react";
import { ScanClient, type Outcome, type SyncReport } from "#app/checkin/scanner/client.ts";
import { fetchCounts } from "#app/checkin/scanner/counts.ts";
import { describe, type Display } from "#app/checkin/scanner/display.ts";
import { keepScannerPageOffline } from "#app/checkin/scanner/offline-page.ts";
import { registerSyncNow } from "#app/checkin/scanner/queue.ts";
import { playResultSound, unlockSound } from "#app/checkin/scanner/sounds.ts";
import { currentDeviceId, currentDeviceName, useBrowserOnline } from "#app/checkin/scanner/use-device.ts";
import { createLocalVerifier, type VerifierKeys } from "#app/checkin/scanner/verify.ts";
import type { CheckinResponse, ListCounts } from "#app/checkin/types.ts";

const REPEAT_WINDOW_MS = 3_000;
const COUNTS_EVERY_MS = 5_000;
const SYNC_EVERY_MS = 10_000;

export interface ScannerSetup {
  conferenceId: string;
  listId: string;
  listName: string;
  /** The scanner credential the page was rendered with (bound to the sign-in session). */
  credential: string;
  keys: VerifierKeys;
  counts: ListCounts;
}

/** One result on the panel; `seq` tells two equal results apart (the panel fades each one on its own). */
export interface Shown extends Display {
  at: string;
  seq: number;
}

export function useScanner(setup: ScannerSetup) {
  const base = `/conferences/${setup.conferenceId}/checkin/${setup.listId}`;
  const [shown, setShown] = useState<Shown | null>(null);
  const [networkDown, setNetworkDown] = useState(false);
  const [queued, setQueued] = useState(0);
  const [authExpired, setAuthExpired] = useState(false);
  const [counts, setCounts] = useState<ListCounts>(setup.counts);
  const [syncNote, setSyncNote] = useState<SyncReport | null>(null);
  const browserOnline = useBrowserOnline();
  const lastCode = useRef<{ text: string; at: number }>({ text: "", at: 0 });
  const seq = useRef(0);

  // The credential and keys do not change while the page is open (the loader does not re-run).
  const [verifier] = useState(() => createLocalVerifier(setup.keys));

  const refreshCounts = useCallback(async () => {
    const next = await fetchCounts(base);
    if (!next) return;
    const { revokedKeys, ...rest } = next;
    setCounts(rest);
    verifier.setRevoked(revokedKeys);
  }, [base, verifier]);

  // One client per page load; none while rendering on the server.
  const [client] = useState(() =>
    typeof window === "undefined"
      ? null
      : new ScanClient({
          conferenceId: setup.conferenceId,
          listId: setup.listId,
          listName: setup.listName,
          credential: setup.credential,
          verifier,
          deviceId: currentDeviceId,
          onQueueChange: setQueued,
          onNetworkChange: setNetworkDown,
          onAuthExpired: () => setAuthExpired(true),
          onSynced: (report) => {
            setSyncNote(report);
            void refreshCounts();
          },
        }),
  );

  const show = useCallback((outcome: Outcome) => {
    const d = describe(outcome, { deviceId: currentDeviceId(), deviceName: currentDeviceName() });
    setShown({ ...d, at: new Date().toISOString(), seq: ++seq.current });
    playResultSound(d.kind);
  }, []);

  /** A code from the camera: the same code in view is submitted once per REPEAT_WINDOW_MS. */
  const handleCode = useCallback(
    async (raw: string) => {
      const text = raw.trim();
      if (!text || !client) return;
      const now = Date.now();
      // The camera sees the same code many times a second: one submission while it stays in view.
      if (lastCode.current.text === text && now - lastCode.current.at < REPEAT_WINDOW_MS) {
        lastCode.current.at = now;
        return;
      }
      lastCode.current = { text, at: now };
      const outcome = await client.scanToken(text);
      show(outcome);
      if (!outcome.offline) void refreshCounts();
    },
    [client, show, refreshCounts],
  );

  /** A code typed, pasted or sent by a hand-held scanner: always submitted, even right after the camera's. */
  const submitCode = useCallback(
    (text: string) => {
      unlockSound();
      lastCode.current = { text: "", at: 0 };
      void handleCode(text);
    },
    [handleCode],
  );

  const checkInAttendee = useCallback(
    async (attendeeId: string) => {
      if (!client) return null;
      unlockSound();
      const outcome = await client.checkInAttendee(attendeeId);
      show(outcome);
      if (!outcome.offline) void refreshCounts();
      return outcome;
    },
    [client, show, refreshCounts],
  );

  /** A walk-in registered and checked in by the server. */
  const showCheckin = useCallback(
    (response: CheckinResponse) => {
      show({ offline: false, response });
      void refreshCounts();
    },
    [show, refreshCounts],
  );

  // The page itself can be reopened offline once it has been open online.
  useEffect(() => {
    void keepScannerPageOffline();
  }, []);

  // Logging out first tries to send what is queued (app/checkin/scanner/logout-form.tsx).
  useEffect(() => {
    if (!client) return;
    registerSyncNow(() => client.sync());
    return () => registerSyncNow(null);
  }, [client]);

  // Back online: send the queue and refresh the counter; and both on timers while the page is open.
  useEffect(() => {
    const goOnline = () => {
      void client?.sync();
      void refreshCounts();
    };
    window.addEventListener("online", goOnline);
    void client?.refreshQueueCount().then((n) => (n > 0 ? client.sync() : undefined));
    const syncTimer = setInterval(() => void client?.sync(), SYNC_EVERY_MS);
    const countTimer = setInterval(() => void refreshCounts(), COUNTS_EVERY_MS);
    return () => {
      window.removeEventListener("online", goOnline);
      clearInterval(syncTimer);
      clearInterval(countTimer);
    };
  }, [client, refreshCounts]);

  return {
    base,
    shown,
    offline: !browserOnline || networkDown,
    queued,
    authExpired,
    counts,
    syncNote,
    handleCode,
    submitCode,
    checkInAttendee,
    showCheckin,
  };
}
