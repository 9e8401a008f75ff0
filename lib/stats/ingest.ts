// Lossless usage ingestion with group commit. record() resolves only after the event is committed
// to usage_event (and queued in usage_pending for the rollup worker); events that arrive while a
// batch is being written wait and go together in the next one — one transaction, one INSERT — so
// the rate grows with load instead of the number of transactions. A failed batch rejects every
// event in it: the caller answers 503, never a 2xx for an event that is not stored.
//
// The COUNTER rules that need history are decided here, inside the batch's transaction and under
// an advisory lock per visitor, so that two server processes (or two batches of one) can never
// both believe they saw a visitor's first click:
//   - double click: an event of the same visitor on the same target (item page, file, researcher
//     or unit page) at most 30 seconds after the previous one is stored with counted = false;
//   - sessions: the first counted investigation / request of an item (and request of a file) by a
//     visitor in a UTC hour is flagged unique in the queue row.
// An event's time is the database clock, read after the locks are held, so a visitor's events are
// stored in the order they were decided in.
import type { Sql } from "../db/connection";

export type UsageKind = "ITEM_VIEW" | "FILE_DOWNLOAD" | "RESEARCHER_VIEW" | "UNIT_VIEW";

export type UsageEventInput = {
  kind: UsageKind;
  itemId?: number | null;
  fileId?: number | null;
  researcherId?: number | null;
  unitId?: number | null;
  /** null when the visitor asked not to be tracked: then every event is a session of its own. */
  visitorHash: string | null;
  country: string | null;
  isRobot: boolean;
  referrerHost?: string | null;
  /** The moment of the event, for imports and tests; by default the database clock at commit. */
  at?: Date;
};

export type DecidedEvent = UsageEventInput & {
  at: Date;
  counted: boolean;
  uniqueView: boolean;
  uniqueDownload: boolean;
  uniqueFileDownload: boolean;
};

export const DOUBLE_CLICK_MS = 30_000;
const HOUR_MS = 3_600_000;
const VISITOR_LOCK = 0x5553; // first key of the two-key advisory lock: "US"

/** A visitor's earlier event, as the rules need it. */
export type PastEvent = Pick<UsageEventInput, "kind" | "itemId" | "fileId" | "researcherId" | "unitId" | "visitorHash"> & {
  at: Date;
  counted: boolean;
  isRobot: boolean;
};

function targetOf(e: Pick<UsageEventInput, "kind" | "itemId" | "fileId" | "researcherId" | "unitId">): string {
  switch (e.kind) {
    case "ITEM_VIEW":
      return `i${e.itemId}`;
    case "FILE_DOWNLOAD":
      return `f${e.fileId}`;
    case "RESEARCHER_VIEW":
      return `r${e.researcherId}`;
    case "UNIT_VIEW":
      return `u${e.unitId}`;
  }
}

const isInvestigation = (kind: UsageKind) => kind === "ITEM_VIEW" || kind === "FILE_DOWNLOAD";

/**
 * Applies the double-click and session rules to `batch` (in order), given the earlier events of
 * the same visitors (at least those since the start of the earliest event's hour and 30 s before
 * it). Pure: the same input always gives the same decisions.
 */
export function decideEvents(history: PastEvent[], batch: UsageEventInput[], clock: Date): DecidedEvent[] {
  const byVisitor = new Map<string, PastEvent[]>();
  for (const p of history) {
    if (!p.visitorHash || p.isRobot) continue;
    let list = byVisitor.get(p.visitorHash);
    if (!list) byVisitor.set(p.visitorHash, (list = []));
    list.push(p);
  }
  return batch.map((e) => {
    const at = e.at ?? clock;
    const investigation = isInvestigation(e.kind) && e.itemId != null;
    const request = e.kind === "FILE_DOWNLOAD";
    if (e.isRobot) return { ...e, at, counted: true, uniqueView: false, uniqueDownload: false, uniqueFileDownload: false };
    if (!e.visitorHash) return { ...e, at, counted: true, uniqueView: investigation, uniqueDownload: request && e.itemId != null, uniqueFileDownload: request && e.fileId != null };

    let past = byVisitor.get(e.visitorHash);
    if (!past) byVisitor.set(e.visitorHash, (past = []));
    const t = at.getTime();
    const target = targetOf(e);
    const hour = Math.floor(t / HOUR_MS);
    const before = past.filter((p) => p.at.getTime() <= t);
    const counted = !before.some((p) => targetOf(p) === target && t - p.at.getTime() <= DOUBLE_CLICK_MS);
    const sameSession = before.filter((p) => p.counted && Math.floor(p.at.getTime() / HOUR_MS) === hour);
    const uniqueView = counted && investigation && !sameSession.some((p) => isInvestigation(p.kind) && p.itemId === e.itemId);
    const uniqueDownload = counted && request && e.itemId != null && !sameSession.some((p) => p.kind === "FILE_DOWNLOAD" && p.itemId === e.itemId);
    const uniqueFileDownload = counted && request && e.fileId != null && !sameSession.some((p) => p.kind === "FILE_DOWNLOAD" && p.fileId === e.fileId);
    past.push({ ...e, at, counted, isRobot: false });
    return { ...e, at, counted, uniqueView, uniqueDownload, uniqueFileDownload };
  });
}

const int = (v: number | null | undefined) => (v == null ? null : v);

/** Writes one batch in one transaction; returns when it is committed. */
export async function writeEventBatch(sql: Sql, batch: UsageEventInput[]): Promise<DecidedEvent[]> {
  return sql.transaction(async (tx) => {
    const visitors = [...new Set(batch.filter((e) => e.visitorHash && !e.isRobot).map((e) => e.visitorHash!))];
    if (visitors.length) {
      await tx.query(
        `SELECT count(pg_advisory_xact_lock(${VISITOR_LOCK}, k)) FROM (SELECT DISTINCT hashtext(v) AS k FROM unnest($1::text[]) AS v ORDER BY 1) s`,
        [visitors],
      );
    }
    const explicit = batch.filter((e) => e.at).map((e) => e.at!.getTime());
    const [{ clock }] = await tx.query<{ clock: Date }>(`SELECT clock_timestamp() AS clock`);
    let history: PastEvent[] = [];
    if (visitors.length) {
      const earliest = Math.min(clock.getTime(), ...explicit);
      const since = new Date(Math.min(earliest - DOUBLE_CLICK_MS, Math.floor(earliest / HOUR_MS) * HOUR_MS));
      const rows = await tx.query<{
        kind: UsageKind;
        item_id: number | null;
        file_id: number | null;
        researcher_id: number | null;
        unit_id: number | null;
        visitor_hash: string;
        occurred_at: Date;
        counted: boolean;
        is_robot: boolean;
      }>(
        `SELECT kind, item_id, file_id, researcher_id, unit_id, visitor_hash, occurred_at, counted, is_robot
           FROM usage_event WHERE visitor_hash = ANY($1::text[]) AND occurred_at >= $2 ORDER BY occurred_at, id`,
        [visitors, since],
      );
      history = rows.map((r) => ({
        kind: r.kind,
        itemId: r.item_id,
        fileId: r.file_id,
        researcherId: r.researcher_id,
        unitId: r.unit_id,
        visitorHash: r.visitor_hash,
        at: new Date(r.occurred_at),
        counted: r.counted,
        isRobot: r.is_robot,
      }));
    }
    const decided = decideEvents(history, batch, new Date(clock));
    const col = <T>(f: (e: DecidedEvent) => T) => decided.map(f);
    await tx.query(
      `WITH src AS MATERIALIZED (
         SELECT nextval(pg_get_serial_sequence('usage_event', 'id')) AS id, u.kind::usage_event_kind AS kind, u.at, u.item_id,
                u.file_id, u.researcher_id, u.unit_id, u.visitor_hash, u.country, u.is_robot, u.counted, u.referrer_host,
                u.unique_view, u.unique_download, u.unique_file_download
           FROM unnest($1::text[], $2::timestamptz[], $3::int[], $4::int[], $5::int[], $6::int[], $7::text[],
                       $8::text[], $9::boolean[], $10::boolean[], $11::text[], $12::boolean[], $13::boolean[], $14::boolean[])
                WITH ORDINALITY AS u(kind, at, item_id, file_id, researcher_id, unit_id, visitor_hash, country, is_robot,
                                     counted, referrer_host, unique_view, unique_download, unique_file_download, n)
          ORDER BY n
       ), events AS (
         INSERT INTO usage_event (id, kind, occurred_at, item_id, file_id, researcher_id, unit_id, visitor_hash, country,
                                  is_robot, counted, referrer_host)
         SELECT id, kind, at, item_id, file_id, researcher_id, unit_id, visitor_hash, country, is_robot, counted, referrer_host
           FROM src
       )
       INSERT INTO usage_pending (event_id, kind, occurred_at, item_id, file_id, researcher_id, unit_id, country, is_robot,
                                  counted, unique_view, unique_download, unique_file_download, referrer_host)
       SELECT id, kind, at, item_id, file_id, researcher_id, unit_id, country, is_robot, counted, unique_view,
              unique_download, unique_file_download, referrer_host
         FROM src`,
      [
        col((e) => e.kind),
        col((e) => e.at.toISOString()),
        col((e) => int(e.itemId)),
        col((e) => int(e.fileId)),
        col((e) => int(e.researcherId)),
        col((e) => int(e.unitId)),
        col((e) => e.visitorHash),
        col((e) => e.country),
        col((e) => e.isRobot),
        col((e) => e.counted),
        col((e) => e.referrerHost ?? null),
        col((e) => e.uniqueView),
        col((e) => e.uniqueDownload),
        col((e) => e.uniqueFileDownload),
      ],
    );
    return decided;
  });
}

export class IngesterClosedError extends Error {
  constructor() {
    super("usage ingestion is shutting down");
  }
}

type Waiting = { event: UsageEventInput; resolve: (e: DecidedEvent) => void; reject: (error: unknown) => void };

export type IngesterOptions = {
  /** Largest batch in one INSERT. */
  maxBatch?: number;
  /** Batches written at the same time (connections used); 1 on PGlite, which runs one at a time. */
  concurrency?: number;
  /** Called after each committed batch (the server wakes the rollup worker). */
  onCommit?: (events: DecidedEvent[]) => void;
};

/** Group commit: one per process, shared by every request handler. */
export class UsageIngester {
  private queue: Waiting[] = [];
  private writing = 0;
  private closed = false;
  private idle: (() => void)[] = [];
  private readonly maxBatch: number;
  private readonly concurrency: number;

  constructor(
    private readonly sql: Sql,
    private readonly options: IngesterOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 2000;
    this.concurrency = options.concurrency ?? (sql.kind === "pglite" ? 1 : 2);
  }

  /** Resolves with the decision once the event is durable; rejects if it could not be stored. */
  record(event: UsageEventInput): Promise<DecidedEvent> {
    if (this.closed) return Promise.reject(new IngesterClosedError());
    return new Promise((resolve, reject) => {
      this.queue.push({ event, resolve, reject });
      this.pump();
    });
  }

  private pump() {
    while (this.writing < this.concurrency && this.queue.length) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.writing++;
      writeEventBatch(
        this.sql,
        batch.map((w) => w.event),
      )
        .then(
          (decided) => {
            batch.forEach((w, i) => w.resolve(decided[i]));
            try {
              this.options.onCommit?.(decided);
            } catch (error) {
              console.error(`[stats] after commit: ${(error as Error).message}`);
            }
          },
          (error: unknown) => batch.forEach((w) => w.reject(error)),
        )
        .finally(() => {
          this.writing--;
          this.pump();
          if (!this.writing && !this.queue.length) this.idle.splice(0).forEach((f) => f());
        });
    }
  }

  /** Stops taking events and waits until every accepted one is written (or failed). */
  async close(): Promise<void> {
    this.closed = true;
    if (!this.writing && !this.queue.length) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }
}
