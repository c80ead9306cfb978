// Following the tasks of an issued conclusion notice: their status, on the notice's page and on the plan's.
import { recordAudit, type AuditActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { TASK_STATUS_LABEL, type TaskStatus } from "#app/conferences/vocabulary.ts";

/** A task's status, followed after issue. False when the task is not one of this conference's issued notice. */
export async function setNoticeTaskStatus(
  actor: AuditActor,
  conferenceId: string,
  taskId: string,
  status: TaskStatus,
): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const task = await tx.conclusionTask.findFirst({
      where: { id: taskId, notice: { conferenceId, status: "ISSUED" } },
      select: { id: true, assignee: true, status: true, noticeId: true },
    });
    if (!task) return false;
    if (task.status === status) return true;
    await tx.conclusionTask.update({ where: { id: task.id }, data: { status } });
    await recordAudit(tx, actor, {
      action: "conclusion.task-status",
      entity: "ConclusionTask",
      entityId: task.id,
      summary: `Cập nhật nhiệm vụ theo thông báo kết luận của “${task.assignee}”: ${TASK_STATUS_LABEL[task.status]} → ${TASK_STATUS_LABEL[status]}`,
      before: { status: task.status },
      after: { status },
      conferenceId,
    });
    return true;
  });
}

/** The issued notice's tasks, for the pages that follow the plan's tasks. */
export async function followedConclusionTasks(conferenceId: string) {
  const notice = await prisma.conclusionNotice.findFirst({
    where: { conferenceId, status: "ISSUED" },
    select: {
      documentNumber: true,
      documentSymbol: true,
      tasks: {
        orderBy: { position: "asc" },
        select: { id: true, assignee: true, dueDate: true, status: true, planTaskId: true },
      },
    },
  });
  return notice;
}
