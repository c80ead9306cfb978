// npm run db:seed [-- --if-empty] — loads the demo organisations, users and the five seed plans.
import { createPrismaClient } from "#app/database/client.server.ts";
import { parseEnv } from "#app/env.server.ts";
import { seedDatabase } from "#prisma/seed-runner.ts";

const env = parseEnv();
const prisma = createPrismaClient(env.DATABASE_URL);
try {
  const existing = await prisma.organization.count();
  if (existing > 0) {
    if (process.argv.includes("--if-empty")) {
      console.log("Cơ sở dữ liệu đã có dữ liệu; bỏ qua dữ liệu mẫu.");
    } else {
      console.error("Cơ sở dữ liệu đã có dữ liệu. Dùng một tệp mới (DATABASE_URL) hoặc chạy với --if-empty.");
      process.exitCode = 1;
    }
  } else {
    const counts = await seedDatabase(prisma);
    console.log(
      `Đã tạo dữ liệu mẫu: ${counts.organizations} cơ quan, ${counts.users} người dùng, ${counts.plans} kế hoạch, ` +
        `${counts.frameworks} bộ chỉ số, ${counts.rounds} đợt đánh giá.`,
    );
    console.log("Đăng nhập: admin@hoinghi.local / hoinghi-demo");
  }
} finally {
  await prisma.$disconnect();
}
