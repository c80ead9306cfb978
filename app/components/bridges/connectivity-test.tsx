import { useEffect, useRef, useState } from "react";
import { runConnectivityTest, STEP_LABEL, STEPS, type Step } from "#app/bridges/connectivity-client.ts";
import { formatMbps, formatMs, formatPercent, LIMITS, type Figures } from "#app/bridges/verdict.ts";

type StepState = "waiting" | "running" | "done";
const IDLE = { fraction: 0, step: null, message: "" } as const;

/** The connectivity test of an operator page: runs it against the server and follows its progress. */
export function useConnectivityTest(key: string) {
  const [figures, setFigures] = useState<Figures | null>(null);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<{ fraction: number; step: Step | null; message: string }>(IDLE);
  const [error, setError] = useState<string | null>(null);
  const abortRef = useRef<AbortController | null>(null);
  useEffect(() => () => abortRef.current?.abort(), []);

  const start = async () => {
    abortRef.current?.abort();
    const controller = new AbortController();
    abortRef.current = controller;
    setRunning(true);
    setError(null);
    setFigures(null);
    setProgress({ fraction: 0, step: "latency", message: "Bắt đầu kiểm tra…" });
    try {
      const f = await runConnectivityTest({
        query: `k=${encodeURIComponent(key)}`,
        signal: controller.signal,
        onProgress: (p) => setProgress({ fraction: p.fraction, step: p.step, message: p.message }),
      });
      setFigures(f);
      setProgress({
        fraction: 1,
        step: null,
        message: "Đã đo xong đường truyền. Hãy kiểm tra thiết bị và chọn kết luận.",
      });
    } catch {
      if (!controller.signal.aborted)
        setError(
          "Không đo được đường truyền (mất kết nối tới máy chủ). Hãy kiểm tra mạng rồi chạy lại; nếu vẫn lỗi, chọn kết luận “Lỗi”.",
        );
      setProgress(IDLE);
    } finally {
      setRunning(false);
    }
  };
  /** After a save the page starts over for the next test. */
  const reset = () => {
    setFigures(null);
    setProgress(IDLE);
  };
  const stepState = (s: Step): StepState => {
    if (!running && figures) return "done";
    if (!progress.step) return "waiting";
    const at = STEPS.indexOf(progress.step);
    const i = STEPS.indexOf(s);
    return i < at ? "done" : i === at ? "running" : "waiting";
  };
  return { figures, running, progress, error, start, reset, stepState };
}

export type ConnectivityTest = ReturnType<typeof useConnectivityTest>;

function FigureBox({ label, value, bad }: { label: string; value: string; bad: boolean }) {
  return (
    <div className={`figure ${bad ? "bad" : ""}`}>
      <div className="figure-value">{value}</div>
      <div className="figure-label">{label}</div>
    </div>
  );
}

function FigureBoxes({ figures }: { figures: Figures }) {
  return (
    <div className="figures" aria-label="Kết quả đo">
      <FigureBox
        label="Độ trễ trung bình"
        value={formatMs(figures.latencyMs)}
        bad={figures.latencyMs > LIMITS.latencyMs}
      />
      <FigureBox label="Độ dao động (jitter)" value={formatMs(figures.jitterMs)} bad={false} />
      <FigureBox
        label="Mất gói"
        value={formatPercent(figures.lossPercent)}
        bad={figures.lossPercent > LIMITS.lossPercent}
      />
      <FigureBox
        label="Tải xuống"
        value={formatMbps(figures.downloadMbps)}
        bad={figures.downloadMbps < LIMITS.downloadMbps}
      />
      <FigureBox label="Tải lên" value={formatMbps(figures.uploadMbps)} bad={figures.uploadMbps < LIMITS.uploadMbps} />
    </div>
  );
}

/** Step 1 of the operator page: the line test, its steps, progress and figures. */
export function ConnectivityTestSection({ test }: { test: ConnectivityTest }) {
  const { figures, running, progress } = test;
  return (
    <section className="card" aria-labelledby="test-head">
      <h2 id="test-head">1. Kiểm tra đường truyền</h2>
      <p className="small muted">
        Chạy trên máy tính dùng cho hội nghị, tại phòng họp. Mất khoảng 10 giây. Ngưỡng đạt: độ trễ không quá{" "}
        {LIMITS.latencyMs} ms, mất gói không quá {LIMITS.lossPercent} %, tải xuống từ {LIMITS.downloadMbps} Mbps, tải
        lên từ {LIMITS.uploadMbps} Mbps.
      </p>
      <div className="actions-row">
        <button type="button" className="primary" onClick={test.start} disabled={running}>
          {running ? "Đang kiểm tra…" : figures ? "Kiểm tra lại" : "Bắt đầu kiểm tra"}
        </button>
      </div>
      <label htmlFor="test-progress" className="visually-hidden">
        Tiến độ kiểm tra
      </label>
      <progress
        id="test-progress"
        className="test-progress"
        max={100}
        value={Math.round(progress.fraction * 100)}
        hidden={!running && !figures}
      />
      <ol className="test-steps" aria-label="Các bước kiểm tra">
        {STEPS.map((s) => (
          <li key={s} data-state={test.stepState(s)}>
            {STEP_LABEL[s]}
            <span className="visually-hidden">
              {test.stepState(s) === "done" ? " (xong)" : test.stepState(s) === "running" ? " (đang chạy)" : " (chờ)"}
            </span>
          </li>
        ))}
      </ol>
      <p aria-live="polite" className="small" role="status">
        {progress.message}
      </p>
      {test.error ? (
        <p className="form-error" role="alert">
          {test.error}
        </p>
      ) : null}
      {figures ? <FigureBoxes figures={figures} /> : null}
    </section>
  );
}
