// Live attendance figures (by group and by bridge point), refreshed from /conferences/:id/attendance.json
// every few seconds while the tab is visible. Rendered on the server too, so it reads without JavaScript.
import { useFetcher } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { HorizontalBarChart } from "#app/ui/charts.tsx";
import { presentShare, type Counts, type LiveData, type SummaryLine } from "#app/attendance/summary.ts";

export const LIVE_POLL_MS = 3000;

/** Polls `url` while the page is visible; returns the newest data (the initial data until then). */
export function useLiveData<T>(url: string, initial: T, intervalMs = LIVE_POLL_MS): T {
  const fetcher = useFetcher<T>();
  // The newest fetcher.load, for the timer below (kept up to date after each render, not during it).
  const load = useRef(fetcher.load);
  useEffect(() => {
    load.current = fetcher.load;
  });
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      if (document.visibilityState === "visible") load.current(url);
      timer = setTimeout(tick, intervalMs);
    };
    timer = setTimeout(tick, intervalMs);
    const onVisible = () => {
      if (document.visibilityState === "visible") load.current(url);
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [url, intervalMs]);
  return fetcher.data ?? initial;
}

function Row({ line }: { line: SummaryLine }) {
  const c = line.counts;
  return (
    <tr>
      <th scope="row">{line.label}</th>
      <td className="num">{c.invited}</td>
      <td className="num">{c.confirmed}</td>
      <td className="num up">{c.present}</td>
      <td className="num">{c.online}</td>
      <td className="num">{c.substitute}</td>
      <td className="num">{c.absent}</td>
      <td className="num">{c.notRecorded}</td>
    </tr>
  );
}

function FiguresTable({
  caption,
  first,
  lines,
  total,
  testId,
}: {
  caption: string;
  first: string;
  lines: SummaryLine[];
  total: Counts;
  testId: string;
}) {
  return (
    <div className="table-scroll">
      <table className="table att-table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            <th scope="col" className="num">
              Được mời
            </th>
            <th scope="col" className="num">
              Xác nhận
            </th>
            <th scope="col" className="num">
              Có mặt
            </th>
            <th scope="col" className="num">
              <abbr title="Trong số có mặt: dự trực tuyến tại điểm cầu">Trực tuyến</abbr>
            </th>
            <th scope="col" className="num">
              <abbr title="Trong số có mặt: người dự thay">Dự thay</abbr>
            </th>
            <th scope="col" className="num">
              Vắng
            </th>
            <th scope="col" className="num">
              Chưa điểm danh
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <Row key={l.id ?? "none"} line={l} />
          ))}
        </tbody>
        <tfoot>
          <Row line={{ id: "total", label: "Tổng cộng", counts: total }} />
        </tfoot>
      </table>
    </div>
  );
}

const bars = (lines: SummaryLine[]) =>
  lines.map((l) => ({
    label: l.label,
    value: presentShare(l.counts),
    display: `${l.counts.present}/${l.counts.invited}`,
    className: "att-present",
  }));

export function LiveAttendance({ data }: { data: LiveData }) {
  const { summary, asOf } = data;
  const t = summary.total;
  return (
    <section className="card" aria-labelledby="live-title">
      <h2 id="live-title">Tình hình điểm danh trực tiếp</h2>
      <p className="att-live-note" aria-live="polite" data-testid="live-as-of">
        Số liệu lúc {asOf}; tự cập nhật mỗi {LIVE_POLL_MS / 1000} giây.
      </p>
      <div className="kpis att-kpis" data-testid="live-kpis">
        <div className="kpi">
          <div className="kpi-value" data-testid="kpi-invited">
            {t.invited}
          </div>
          <div className="kpi-label">Được mời</div>
        </div>
        <div className="kpi">
          <div className="kpi-value" data-testid="kpi-confirmed">
            {t.confirmed}
          </div>
          <div className="kpi-label">Xác nhận tham dự</div>
        </div>
        <div className="kpi">
          <div className="kpi-value ok" data-testid="kpi-present">
            {t.present}
          </div>
          <div className="kpi-label">
            Có mặt (trực tiếp {t.inPerson}, trực tuyến {t.online}, dự thay {t.substitute})
          </div>
        </div>
        <div className="kpi">
          <div className="kpi-value bad" data-testid="kpi-absent">
            {t.absent}
          </div>
          <div className="kpi-label">Vắng mặt</div>
        </div>
        <div className="kpi">
          <div className="kpi-value" data-testid="kpi-not-recorded">
            {t.notRecorded}
          </div>
          <div className="kpi-label">Chưa điểm danh</div>
        </div>
      </div>
      <h3>Theo thành phần</h3>
      <div className="att-figures">
        <FiguresTable
          caption="Điểm danh theo thành phần"
          first="Thành phần"
          lines={summary.byGroup}
          total={t}
          testId="live-by-group"
        />
        <HorizontalBarChart title="Tỷ lệ có mặt theo thành phần (%)" bars={bars(summary.byGroup)} />
      </div>
      <h3>Theo điểm cầu</h3>
      {data.bridgeLines > summary.byBridge.length ? (
        <p className="muted small">
          {`${summary.byBridge.length} trong ${data.bridgeLines.toLocaleString("vi-VN")} nơi dự còn nhiều đại biểu chưa điểm danh nhất; số liệu của mọi điểm cầu có trong báo cáo điểm danh.`}
        </p>
      ) : null}
      <div className="att-figures">
        <FiguresTable
          caption="Điểm danh theo điểm cầu"
          first="Điểm cầu"
          lines={summary.byBridge}
          total={t}
          testId="live-by-bridge"
        />
        <HorizontalBarChart title="Tỷ lệ có mặt theo điểm cầu (%)" bars={bars(summary.byBridge)} />
      </div>
    </section>
  );
}
