// Demo bridge-point readiness (issue 6). Seed 001 (Quảng Nam): the six bridge points of the
// invitations seed get rooms, technical contacts, their own meeting passcodes, operator and poster
// keys, a test session the day before and a history of connectivity tests (3 passed, 1 failed,
// 2 untested). The 2026 Đà Nẵng conference gets a main site and a mountain commune besides its two
// wards, one of them hosted by phường Hội An, whose operator (diemcau.hoian@hoinghi.local) sees it.
// Everything is deterministic: tests read the seeded database.
import crypto from "node:crypto";
import type { Prisma } from "#app/generated/prisma/client.ts";

interface SeedTest {
  at: string;
  operatorName: string;
  latencyMs: number;
  jitterMs: number;
  lossPercent: number;
  downloadMbps: number;
  uploadMbps: number;
  /** Checklist items not ticked. */
  missing?: Array<"camera" | "microphone" | "screen" | "sound" | "backupConnection">;
  notes?: string;
  result: "PASSED" | "FAILED";
}

interface SeedBridgeDetails {
  /** Position of an existing bridge point of the invitations seed, or a new one. */
  position: number;
  create?: { name: string; hostOrganizationKey: string; address: string; isMain?: boolean; videoLink: string };
  room: string;
  videoPasscode: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  tests?: SeedTest[];
}

interface SeedConferenceBridges {
  planKey: string;
  testAt: string;
  testNote: string;
  bridges: SeedBridgeDetails[];
}

const DN_LINK = "https://hop.danang.gov.vn/cchc-2026";

export const bridgeReadiness: SeedConferenceBridges[] = [
  {
    planKey: "quang-nam-2024-tong-ket-cchc-2023",
    testAt: "2024-01-17T14:00:00+07:00",
    testNote:
      "Sở Thông tin và Truyền thông chủ trì kiểm tra; các điểm cầu vào phòng họp trực tuyến trước 15 phút, chuẩn bị sẵn đường truyền dự phòng.",
    bridges: [
      {
        position: 0,
        room: "Hội trường tầng 3, trụ sở UBND tỉnh",
        videoPasscode: "QN2024",
        contactName: "Nguyễn Thành Trung",
        contactPhone: "0905 318 642",
        contactEmail: "nttrung@quangnam.gov.vn",
        tests: [
          {
            at: "2024-01-17T14:10:00+07:00",
            operatorName: "Nguyễn Thành Trung",
            latencyMs: 12,
            jitterMs: 1.5,
            lossPercent: 0,
            downloadMbps: 94.6,
            uploadMbps: 61.2,
            result: "PASSED",
          },
        ],
      },
      {
        position: 1,
        room: "Phòng họp trực tuyến, tầng 2 UBND thành phố",
        videoPasscode: "HA-7315",
        contactName: "Trương Công Hiếu",
        contactPhone: "0935 472 118",
        contactEmail: "tchieu.hoian@quangnam.gov.vn",
        tests: [
          {
            at: "2024-01-17T14:25:00+07:00",
            operatorName: "Trương Công Hiếu",
            latencyMs: 28,
            jitterMs: 3,
            lossPercent: 0,
            downloadMbps: 45.3,
            uploadMbps: 20.1,
            result: "PASSED",
          },
        ],
      },
      {
        position: 2,
        room: "Phòng họp số 1, UBND huyện",
        videoPasscode: "NT-5820",
        contactName: "Phạm Thị Thu Hằng",
        contactPhone: "0914 205 376",
        contactEmail: "ptthang.nuithanh@quangnam.gov.vn",
        tests: [
          {
            at: "2024-01-16T09:05:00+07:00",
            operatorName: "Phạm Thị Thu Hằng",
            latencyMs: 41,
            jitterMs: 6.2,
            lossPercent: 0,
            downloadMbps: 32.8,
            uploadMbps: 15.4,
            missing: ["sound"],
            notes: "Loa hội trường bị rè; đã báo bộ phận quản trị thay loa.",
            result: "FAILED",
          },
          {
            at: "2024-01-17T14:40:00+07:00",
            operatorName: "Phạm Thị Thu Hằng",
            latencyMs: 35,
            jitterMs: 4,
            lossPercent: 0,
            downloadMbps: 38.2,
            uploadMbps: 18.6,
            result: "PASSED",
          },
        ],
      },
      {
        position: 3,
        room: "Hội trường UBND huyện",
        videoPasscode: "TB-4417",
        contactName: "Lê Văn Thắng",
        contactPhone: "0988 631 254",
        contactEmail: "lvthang.thangbinh@quangnam.gov.vn",
        tests: [
          {
            at: "2024-01-17T15:05:00+07:00",
            operatorName: "Lê Văn Thắng",
            latencyMs: 212,
            jitterMs: 38,
            lossPercent: 6.5,
            downloadMbps: 8.2,
            uploadMbps: 2.1,
            missing: ["backupConnection"],
            notes: "Đường truyền dự phòng chưa sẵn sàng",
            result: "FAILED",
          },
        ],
      },
      {
        position: 4,
        room: "Phòng họp trực tuyến UBND huyện",
        videoPasscode: "DX-9062",
        contactName: "Huỳnh Văn Phước",
        contactPhone: "0976 402 815",
        contactEmail: "hvphuoc.duyxuyen@quangnam.gov.vn",
      },
      {
        position: 5,
        room: "Phòng họp tầng 1, UBND huyện",
        videoPasscode: "DL-3158",
        contactName: "Đinh Thị Mỹ Lệ",
        contactPhone: "0903 558 207",
        contactEmail: "",
      },
    ],
  },
  {
    planKey: "da-nang-2026-tong-ket-cchc",
    testAt: "2026-12-17T14:00:00+07:00",
    testNote: "Kiểm tra kết nối với tất cả điểm cầu phường, xã; Trung tâm Thông tin điện tử thành phố hỗ trợ kỹ thuật.",
    bridges: [
      {
        position: 0,
        room: "Phòng họp tầng 2, trụ sở UBND phường",
        videoPasscode: "HC-2618",
        contactName: "Lê Hoàng Nam",
        contactPhone: "0905 771 246",
        contactEmail: "lhnam.haichau@danang.gov.vn",
        tests: [
          {
            at: "2026-11-20T09:30:00+07:00",
            operatorName: "Lê Hoàng Nam",
            latencyMs: 18,
            jitterMs: 2.4,
            lossPercent: 0,
            downloadMbps: 88.5,
            uploadMbps: 42.7,
            result: "PASSED",
          },
        ],
      },
      {
        position: 1,
        room: "Hội trường UBND phường",
        videoPasscode: "HA-5043",
        contactName: "Võ Văn Phúc",
        contactPhone: "0935 226 419",
        contactEmail: "vvphuc.hoian@danang.gov.vn",
      },
      {
        position: 2,
        create: {
          name: "Điểm cầu Trung tâm Hành chính thành phố",
          hostOrganizationKey: "da-nang",
          address: "24 Trần Phú, phường Hải Châu, thành phố Đà Nẵng",
          isMain: true,
          videoLink: DN_LINK,
        },
        room: "Hội trường tầng 2, Trung tâm Hành chính",
        videoPasscode: "DN2026",
        contactName: "Trần Quốc Việt",
        contactPhone: "0913 486 120",
        contactEmail: "tqviet@danang.gov.vn",
      },
      {
        position: 3,
        create: {
          name: "Điểm cầu UBND xã Bà Nà",
          hostOrganizationKey: "da-nang-ba-na",
          address: "Thôn An Sơn, xã Bà Nà",
          videoLink: DN_LINK,
        },
        room: "Phòng họp UBND xã",
        videoPasscode: "BN-8830",
        contactName: "Hồ Văn Dũng",
        contactPhone: "0967 315 082",
        contactEmail: "hvdung.bana@danang.gov.vn",
        tests: [
          {
            at: "2026-11-20T10:15:00+07:00",
            operatorName: "Hồ Văn Dũng",
            latencyMs: 168,
            jitterMs: 24,
            lossPercent: 2,
            downloadMbps: 6.4,
            uploadMbps: 0.8,
            missing: ["backupConnection"],
            notes: "Tốc độ tải lên thấp; đã đề nghị nhà mạng nâng gói cước, chưa có 4G dự phòng.",
            result: "FAILED",
          },
        ],
      },
    ],
  },
];

/** Deterministic key of a seeded bridge point (the demo's links stay the same between runs). */
export function seedBridgeKey(planKey: string, position: number, kind: "access" | "poster"): string {
  return crypto
    .createHash("sha256")
    .update(`hoinghi-demo-bridge:${planKey}:${position}:${kind}`)
    .digest("base64url")
    .slice(0, 22);
}

/** Fills in the demo bridge points; runs after the invitations seed has created the first ones. */
export async function seedBridgeReadiness(
  tx: Prisma.TransactionClient,
  conferenceIdByPlanKey: Map<string, string>,
  orgId: (key: string) => string,
): Promise<number> {
  let tests = 0;
  for (const seed of bridgeReadiness) {
    const conferenceId = conferenceIdByPlanKey.get(seed.planKey);
    if (!conferenceId) throw new Error(`Seed: unknown plan ${seed.planKey}`);
    await tx.conference.update({
      where: { id: conferenceId },
      data: { bridgeTestAt: new Date(seed.testAt), bridgeTestNote: seed.testNote },
    });
    for (const b of seed.bridges) {
      const details = {
        room: b.room,
        videoPasscode: b.videoPasscode,
        contactName: b.contactName,
        contactPhone: b.contactPhone,
        contactEmail: b.contactEmail,
        accessKey: seedBridgeKey(seed.planKey, b.position, "access"),
        posterKey: seedBridgeKey(seed.planKey, b.position, "poster"),
      };
      const row = b.create
        ? await tx.bridgePoint.create({
            data: {
              conferenceId,
              position: b.position,
              name: b.create.name,
              hostOrganizationId: orgId(b.create.hostOrganizationKey),
              address: b.create.address,
              isMain: b.create.isMain ?? false,
              videoLink: b.create.videoLink,
              ...details,
            },
            select: { id: true },
          })
        : await tx.bridgePoint.update({
            where: { conferenceId_position: { conferenceId, position: b.position } },
            data: details,
            select: { id: true },
          });
      const history = [...(b.tests ?? [])].sort((x, y) => x.at.localeCompare(y.at));
      for (const t of history) {
        const missing = new Set(t.missing ?? []);
        await tx.connectivityTest.create({
          data: {
            bridgePointId: row.id,
            createdAt: new Date(t.at),
            operatorName: t.operatorName,
            latencyMs: t.latencyMs,
            jitterMs: t.jitterMs,
            lossPercent: t.lossPercent,
            downloadMbps: t.downloadMbps,
            uploadMbps: t.uploadMbps,
            camera: !missing.has("camera"),
            microphone: !missing.has("microphone"),
            screen: !missing.has("screen"),
            sound: !missing.has("sound"),
            backupConnection: !missing.has("backupConnection"),
            notes: t.notes ?? "",
            result: t.result,
            userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/120.0",
          },
        });
        tests++;
      }
      const last = history.at(-1);
      if (last)
        await tx.bridgePoint.update({
          where: { id: row.id },
          data: { readiness: last.result, readinessAt: new Date(last.at) },
        });
    }
  }
  return tests;
}
