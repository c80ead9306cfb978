// "Đăng xuất" in the header. Logging out also clears what the scanner keeps on this device — the queue of
// offline scans (it holds invitation tokens), the stored credentials and the service worker's copies of
// scanner pages — so a shared or lost phone keeps nothing after its user signed out. The server's answer
// carries `Clear-Site-Data` for the same (and for browsers without JavaScript); this runs first because it
// can ask before throwing away scans that never reached the server.

import { useRef } from "react";
import { removeScannerWorker } from "#app/checkin/scanner/offline-page.ts";
import { deleteScannerStore, queuedScans, registeredSyncNow } from "#app/checkin/scanner/queue.ts";

const SYNC_WAIT_MS = 5_000;

async function pendingScans(): Promise<number> {
  try {
    return (await queuedScans()).length;
  } catch {
    return 0;
  }
}

/**
 * True when logging out may go ahead. Unsynced scans are first sent if the scanner page is open and the
 * network allows; if some remain, the user decides: staying keeps them (they sync when the network is
 * back), going on deletes them — they would otherwise stay readable on the device of someone signed out.
 */
export async function prepareLogout(ask: (message: string) => boolean = (m) => window.confirm(m)): Promise<boolean> {
  if (typeof indexedDB === "undefined") return true;
  let pending = await pendingScans();
  const sync = registeredSyncNow();
  if (pending > 0 && sync) {
    await Promise.race([sync().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, SYNC_WAIT_MS))]);
    pending = await pendingScans();
  }
  if (
    pending > 0 &&
    !ask(
      `Máy này còn ${pending} lượt quét chưa gửi được lên máy chủ (mất mạng). Nếu đăng xuất bây giờ, các lượt quét này sẽ bị xóa khỏi máy và không được tính.\n\nBấm “Hủy” để ở lại, chờ có mạng cho máy quét đồng bộ rồi mới đăng xuất.`,
    )
  ) {
    return false;
  }
  await deleteScannerStore().catch(() => undefined);
  await removeScannerWorker();
  return true;
}

export function LogoutForm() {
  const busy = useRef(false);
  return (
    <form
      method="post"
      action="/logout"
      onSubmit={(e) => {
        const form = e.currentTarget;
        e.preventDefault();
        if (busy.current) return;
        busy.current = true;
        void prepareLogout().then((go) => {
          busy.current = false;
          // A plain navigation: the next page starts with nothing of this session in memory.
          if (go) form.submit();
        });
      }}
    >
      <button type="submit" className="link-button">
        Đăng xuất
      </button>
    </form>
  );
}
