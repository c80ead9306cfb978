import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type {
  ActionFunctionArgs,
  LinksFunction,
  LoaderFunctionArgs,
  MetaFunction,
  SerializeFrom,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { roundCrumbs } from "#app/components/scoring/crumbs.ts";
import scoringCss from "#app/components/scoring/scoring.css?url";
import { userActor } from "#app/database/audit.server.ts";
import { prisma } from "#app/database/db.server.ts";
import { notFound, requireRound } from "#app/auth/guard.server.ts";
import { readForm } from "#app/http/form-data.server.ts";
import { reply } from "#app/http/reply.server.ts";
import {
  placementIntentSchema,
  type addBlockSchema,
  type renameBlockSchema,
  type unitPlacementSchema,
} from "#app/scoring/placement-forms.ts";
import type { z } from "zod";
import {
  addBlock,
  deleteBlock,
  moveBlock,
  renameBlock,
  setUnitPlacement,
  type PlacementOutcome,
} from "#app/scoring/placement.server.ts";
import { loadRound } from "#app/scoring/rounds.server.ts";
import { PredecessorPicker } from "#app/components/scoring/predecessor-picker.tsx";
import type { BreadcrumbHandle } from "#app/ui/breadcrumbs.tsx";
import { ErrorMessage } from "#app/ui/field.tsx";

// "Khối và đơn vị": the round's ranking blocks (added, renamed, reordered, deleted) and, per unit, its
// block, whether it is ranked (and why not), the previous round's unit(s) it replaced and its rank as
// published. Each row of the units table is its own form (its inputs name it with `form=`).

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Khối và đơn vị · ${data?.round.title ?? "Đợt đánh giá"} · Hội nghị CCHC` },
];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: scoringCss }];

export const handle: BreadcrumbHandle<SerializeFrom<typeof loader>> = {
  breadcrumb: (data) => [...roundCrumbs(data?.round), { label: "Khối và đơn vị" }],
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const access = await requireRound(request, params.id, "scoring.view");
  const loaded = await loadRound(access.round.id);
  if (!loaded) notFound("Không tìm thấy đợt đánh giá này.");
  const previousUnits = loaded.round.previousRound
    ? await prisma.roundUnit.findMany({
        where: { roundId: loaded.round.previousRound.id },
        select: { id: true, organization: { select: { name: true } } },
        orderBy: { organization: { name: "asc" } },
      })
    : [];
  const blockCount = new Map<string, number>();
  for (const u of loaded.units) if (u.blockId) blockCount.set(u.blockId, (blockCount.get(u.blockId) ?? 0) + 1);
  return {
    round: {
      id: loaded.round.id,
      title: loaded.round.title,
      previousRound: loaded.round.previousRound,
      canManage: access.capabilities.has("scoring.manage"),
    },
    blocks: loaded.blocks.map((b) => ({ id: b.id, name: b.name, units: blockCount.get(b.id) ?? 0 })),
    units: loaded.units.map((u) => ({
      roundUnitId: u.roundUnitId,
      name: u.name,
      blockId: u.blockId,
      ranked: u.ranked,
      notRankedReason: u.notRankedReason,
      publishedRank: u.publishedRank,
      predecessorIds: u.predecessorRoundUnitIds,
    })),
    previousUnits: previousUnits.map((u) => ({ id: u.id, name: u.organization.name })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, round } = await requireRound(request, params.id, "scoring.manage");
  const actor = userActor(user);
  const formData = await readForm(request);
  const submission = parseWithZod(formData, { schema: placementIntentSchema });
  // Which form answered: its intent and the block or unit it is about.
  const intent = String(formData.get("intent") ?? "");
  const target = String(formData.get("roundUnitId") ?? formData.get("blockId") ?? "");
  const answer = (outcome: PlacementOutcome | null) => {
    const refused = !outcome || "fieldErrors" in outcome;
    const result = submission.reply(outcome && "fieldErrors" in outcome ? { fieldErrors: outcome.fieldErrors } : {});
    return reply(
      { intent, target, result, message: outcome && "done" in outcome ? outcome.done : null },
      refused ? 400 : 200,
    );
  };
  if (submission.status !== "success") return answer(null);
  const v = submission.value;
  switch (v.intent) {
    case "add-block":
      return answer(await addBlock(actor, round.id, v.name));
    case "rename-block":
      return answer(await renameBlock(actor, round.id, v.blockId, v.name));
    case "move-block":
      return answer(await moveBlock(actor, round.id, v.blockId, v.direction));
    case "delete-block":
      return answer(await deleteBlock(actor, round.id, v.blockId));
    case "unit":
      return answer(
        await setUnitPlacement(actor, round.id, v.roundUnitId, {
          blockId: v.blockId || null,
          ranked: Boolean(v.ranked),
          notRankedReason: v.notRankedReason ?? null,
          predecessorIds: v.predecessorIds ?? [],
          publishedRank: v.publishedRank ?? null,
        }),
      );
  }
}

type Reply = { intent?: string; target?: string; result?: SubmissionResult<string[]>; message?: string | null };

function useTargetForm<Schema extends Record<string, unknown>>(
  intent: string,
  target: string,
  last: Reply | undefined,
) {
  return useForm<Schema>({
    id: `${intent}-${target || "round"}`,
    lastResult: last?.intent === intent && (last.target ?? "") === target ? last.result : undefined,
  });
}

const errorsOf = (errors: string[] | undefined, id: string) =>
  errors?.length ? <ErrorMessage id={id}>{errors.join(" ")}</ErrorMessage> : null;

function BlockRow({
  block,
  first,
  last,
  canManage,
  reply: last2,
}: {
  block: { id: string; name: string; units: number };
  first: boolean;
  last: boolean;
  canManage: boolean;
  reply: Reply | undefined;
}) {
  const [rename, renameFields] = useTargetForm<z.input<typeof renameBlockSchema>>("rename-block", block.id, last2);
  const [move] = useTargetForm("move-block", block.id, last2);
  const [del] = useTargetForm("delete-block", block.id, last2);
  if (!canManage)
    return (
      <li>
        {block.name} ({block.units} đơn vị)
      </li>
    );
  const nameErrors = renameFields.name.errors;
  return (
    <li className="block-row">
      <Form method="post" {...getFormProps(rename)} className="inline-form">
        <input type="hidden" name="intent" value="rename-block" />
        <input type="hidden" name="blockId" value={block.id} />
        <label htmlFor={renameFields.name.id} className="visually-hidden">
          Tên khối {block.name}
        </label>
        <input
          id={renameFields.name.id}
          name="name"
          type="text"
          defaultValue={block.name}
          required
          aria-invalid={nameErrors ? true : undefined}
          aria-describedby={nameErrors ? renameFields.name.errorId : undefined}
        />
        <button type="submit">Đổi tên</button>
        <span className="muted">{block.units} đơn vị</span>
        {errorsOf(nameErrors, renameFields.name.errorId)}
      </Form>
      <Form method="post" {...getFormProps(move)} className="inline-form">
        <input type="hidden" name="intent" value="move-block" />
        <input type="hidden" name="blockId" value={block.id} />
        <button type="submit" name="direction" value="up" disabled={first} aria-label={`Đưa khối ${block.name} lên`}>
          ↑
        </button>
        <button type="submit" name="direction" value="down" disabled={last} aria-label={`Đưa khối ${block.name} xuống`}>
          ↓
        </button>
      </Form>
      <Form method="post" {...getFormProps(del)} className="inline-form">
        <input type="hidden" name="intent" value="delete-block" />
        <input type="hidden" name="blockId" value={block.id} />
        <button type="submit" className="danger small-button">
          Xóa khối {block.name}
        </button>
        {errorsOf(del.errors, del.errorId)}
      </Form>
    </li>
  );
}

function AddBlockForm({ reply: last }: { reply: Reply | undefined }) {
  const [form, fields] = useTargetForm<z.input<typeof addBlockSchema>>("add-block", "", last);
  const errors = fields.name.errors;
  return (
    <Form method="post" {...getFormProps(form)} className="inline-form add-block">
      <input type="hidden" name="intent" value="add-block" />
      <label htmlFor={fields.name.id}>Thêm khối</label>
      <input
        id={fields.name.id}
        name="name"
        type="text"
        placeholder="Ví dụ: Khối Sở, ban, ngành"
        required
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? fields.name.errorId : undefined}
      />
      <button type="submit" className="primary">
        Thêm khối
      </button>
      {errorsOf(errors, fields.name.errorId)}
    </Form>
  );
}

type UnitRowData = SerializeFrom<typeof loader>["units"][number];

function UnitRow({
  unit,
  blocks,
  previousUnits,
  hasPrevious,
  reply: last,
}: {
  unit: UnitRowData;
  blocks: Array<{ id: string; name: string }>;
  previousUnits: Array<{ id: string; name: string }>;
  hasPrevious: boolean;
  reply: Reply | undefined;
}) {
  const [form, fields] = useTargetForm<z.input<typeof unitPlacementSchema>>("unit", unit.roundUnitId, last);
  const id = form.id;
  const described = (f: { errors?: string[]; errorId: string }) => ({
    form: id,
    "aria-invalid": f.errors ? true : undefined,
    "aria-describedby": f.errors ? f.errorId : undefined,
  });
  const saved = last?.intent === "unit" && last.target === unit.roundUnitId && last.message;
  return (
    <tr>
      <th scope="row">{unit.name}</th>
      <td>
        <select
          {...described(fields.blockId)}
          name="blockId"
          defaultValue={unit.blockId ?? ""}
          aria-label={`Khối của ${unit.name}`}
        >
          <option value="">— Không thuộc khối nào —</option>
          {blocks.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
        {errorsOf(fields.blockId.errors, fields.blockId.errorId)}
      </td>
      <td>
        <input
          form={id}
          type="checkbox"
          name="ranked"
          defaultChecked={unit.ranked}
          aria-label={`${unit.name} được xếp hạng`}
        />
      </td>
      <td>
        <input
          {...described(fields.notRankedReason)}
          type="text"
          name="notRankedReason"
          defaultValue={unit.notRankedReason ?? ""}
          aria-label={`Lý do không xếp hạng ${unit.name}`}
          placeholder="Khi không xếp hạng"
        />
        {errorsOf(fields.notRankedReason.errors, fields.notRankedReason.errorId)}
      </td>
      {hasPrevious ? (
        <td>
          <PredecessorPicker
            unitName={unit.name}
            options={previousUnits}
            defaultValue={unit.predecessorIds}
            selectProps={described(fields.predecessorIds)}
          />
          {unit.predecessorIds.length ? (
            <div className="muted small">
              Thay cho:{" "}
              {previousUnits
                .filter((p) => unit.predecessorIds.includes(p.id))
                .map((p) => p.name)
                .join("; ")}
            </div>
          ) : null}
          {errorsOf(fields.predecessorIds.errors, fields.predecessorIds.errorId)}
        </td>
      ) : null}
      <td>
        <input
          {...described(fields.publishedRank)}
          type="number"
          min={1}
          step={1}
          name="publishedRank"
          defaultValue={unit.publishedRank ?? ""}
          aria-label={`Hạng đã công bố của ${unit.name}`}
          className="rank-input"
        />
        {errorsOf(fields.publishedRank.errors, fields.publishedRank.errorId)}
      </td>
      <td>
        <Form method="post" {...getFormProps(form)}>
          <input type="hidden" name="intent" value="unit" />
          <input type="hidden" name="roundUnitId" value={unit.roundUnitId} />
          <button type="submit" aria-label={`Lưu ${unit.name}`}>
            Lưu
          </button>
        </Form>
        {saved ? (
          <span role="status" className="up">
            Đã lưu
          </span>
        ) : null}
        {errorsOf(form.errors, form.errorId)}
      </td>
    </tr>
  );
}

export default function BlocksPage() {
  const data = useLoaderData<typeof loader>();
  const last = useActionData<typeof action>();
  const navigation = useNavigation();
  const hasPrevious = Boolean(data.round.previousRound);
  const blockName = new Map(data.blocks.map((b) => [b.id, b.name]));
  return (
    <div className="page">
      <div className="page-head">
        <h1>Khối và đơn vị</h1>
        <Link to={`/scoring/rounds/${data.round.id}`} className="button">
          Về bảng xếp hạng
        </Link>
      </div>
      <p className="muted">
        {data.round.title}
        {data.round.previousRound ? ` · so với ${data.round.previousRound.title}` : ""}. Mỗi khối được xếp hạng riêng;
        đơn vị không xếp hạng vẫn có chỉ số và xếp loại nhưng không chiếm thứ hạng của ai.
      </p>
      {last?.message && last.intent !== "unit" ? (
        <p role="status" className="up">
          {last.message}
        </p>
      ) : null}
      <section className="card">
        <h2>Các khối ({data.blocks.length})</h2>
        {data.blocks.length === 0 ? (
          <p className="empty">Chưa chia khối: mọi đơn vị được xếp hạng chung.</p>
        ) : (
          <ol className="block-list" aria-busy={navigation.state !== "idle"}>
            {data.blocks.map((b, i) => (
              <BlockRow
                key={b.id}
                block={b}
                first={i === 0}
                last={i === data.blocks.length - 1}
                canManage={data.round.canManage}
                reply={last}
              />
            ))}
          </ol>
        )}
        {data.round.canManage ? <AddBlockForm reply={last} /> : null}
      </section>
      <section className="card">
        <h2>Đơn vị ({data.units.length})</h2>
        {data.round.canManage ? (
          <div className="table-scroll">
            <table className="table placement">
              <thead>
                <tr>
                  <th scope="col">Đơn vị</th>
                  <th scope="col">Khối</th>
                  <th scope="col">Xếp hạng</th>
                  <th scope="col">Lý do không xếp hạng</th>
                  {hasPrevious ? <th scope="col">Đơn vị năm trước (thay cho)</th> : null}
                  <th scope="col">Hạng đã công bố</th>
                  <th scope="col">
                    <span className="visually-hidden">Lưu</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.units.map((u) => (
                  <UnitRow
                    key={u.roundUnitId}
                    unit={u}
                    blocks={data.blocks}
                    previousUnits={data.previousUnits}
                    hasPrevious={hasPrevious}
                    reply={last}
                  />
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <div className="table-scroll">
            <table className="table placement">
              <thead>
                <tr>
                  <th scope="col">Đơn vị</th>
                  <th scope="col">Khối</th>
                  <th scope="col">Xếp hạng</th>
                  <th scope="col" className="num">
                    Hạng đã công bố
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.units.map((u) => (
                  <tr key={u.roundUnitId}>
                    <th scope="row">{u.name}</th>
                    <td>{u.blockId ? blockName.get(u.blockId) : "—"}</td>
                    <td>{u.ranked ? "Có" : `Không xếp hạng: ${u.notRankedReason ?? ""}`}</td>
                    <td className="num">{u.publishedRank ?? ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {hasPrevious ? (
          <p className="hint">
            Đơn vị năm trước: chọn đơn vị (một hoặc nhiều, giữ Ctrl) của đợt trước mà đơn vị này thay thế sau sắp xếp;
            để trống thì so với chính đơn vị năm trước, nếu có.
          </p>
        ) : null}
      </section>
    </div>
  );
}
